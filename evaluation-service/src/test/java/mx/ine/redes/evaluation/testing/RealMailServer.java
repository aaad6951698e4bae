package mx.ine.redes.evaluation.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for the test JVM, started once however many test classes start
 * Quarkus; mail is read back over POP3 ({@link Mailbox}), each recipient's password being their
 * address, as GreenMail creates users on delivery.
 */
public class RealMailServer implements QuarkusTestResourceLifecycleManager {

    static final String SMTP_PORT = "redes.test.smtp.port";
    static final String POP3_PORT = "redes.test.pop3.port";

    @Override
    public Map<String, String> start() {
        synchronized (System.class) {
            if (System.getProperty(SMTP_PORT) == null) {
                int smtp = freePort();
                int pop3 = freePort();
                GreenMail greenMail = new GreenMail(new ServerSetup[] {
                        new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                        new ServerSetup(pop3, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
                greenMail.start();
                Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "test-mail-server-shutdown"));
                MailOutage.register(greenMail);
                System.setProperty(SMTP_PORT, Integer.toString(smtp));
                System.setProperty(POP3_PORT, Integer.toString(pop3));
            }
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", System.getProperty(SMTP_PORT));
    }

    @Override
    public void stop() {
        // Lives as long as the JVM, like the database and the broker.
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
