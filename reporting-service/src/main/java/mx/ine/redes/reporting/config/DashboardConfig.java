package mx.ine.redes.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The operations dashboard ({@code GET /operations}) and the business gauges: {@code dashboard.*}. */
@ConfigMapping(prefix = "dashboard")
public interface DashboardConfig {

    /** How often the page reloads itself in the browser. */
    @WithDefault("60s")
    Duration pageRefresh();

    /** An open evaluation or observation whose term closes within this long is shown as due soon. */
    @WithDefault("48h")
    Duration dueSoon();

    /** How often the business gauges are recomputed from the read model (a scrape only reads them). */
    @WithDefault("30s")
    Duration gaugesRefresh();

    /** Rows of a list (open observations, evaluations near or past their term) shown before "and N more". */
    @WithDefault("200")
    int listLimit();

    /**
     * Where an unauthenticated browser is sent to sign in, in production the Institute's identity provider
     * behind the authenticating proxy (e.g. {@code /oauth2/start?rd=/operations}); none: this service's own
     * sign-in page, which explains it (and lists the demo identities in the local stack).
     */
    Optional<String> signInUrl();

    DemoSignIn demoSignIn();

    /** The local stack's demo sign-in: lists the demo identities and sets the cookie of the one chosen. */
    interface DemoSignIn {

        /** The local stack's {@code tokens.json} (deploy's DemoTokens); none (the default, always in prod): no demo sign-in. */
        Optional<String> tokensFile();
    }
}
