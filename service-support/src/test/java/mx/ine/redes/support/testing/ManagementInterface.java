package mx.ine.redes.support.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.net.URI;

/**
 * Health and metrics answer on the management interface (its own port, random in tests), not on the
 * API's port: {@code given().get(ManagementInterface.url("/q/health/ready"))}.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /** The running test application's management URL of {@code path}, the full path (e.g. {@code /q/metrics}). */
    public static String url(String path) {
        // The test URL carries the management root path (/q); the path given here is the whole path.
        URI base = URI.create(TestHTTPResourceManager.getManagementUri());
        return base.getScheme() + "://" + base.getRawAuthority() + path;
    }
}
