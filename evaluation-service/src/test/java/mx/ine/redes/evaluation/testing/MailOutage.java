package mx.ine.redes.evaluation.testing;

import com.icegreen.greenmail.util.GreenMail;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Takes the test SMTP server down and brings it back (same ports), to test that notices survive
 * an outage. A platform MBean, so that every class loader reaches the one server.
 */
public final class MailOutage {

    private static final String NAME = "mx.ine.redes.test:type=MailServer";

    private MailOutage() {
    }

    public static void stopMailServer() {
        invoke("stop");
    }

    public static void startMailServer() {
        invoke("start");
    }

    static void register(GreenMail greenMail) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new Control(greenMail), new ObjectName(NAME));
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(NAME), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("Test mail server could not " + operation, e);
        }
    }

    public interface ControlMBean {
        void stop();

        void start();
    }

    public static final class Control implements ControlMBean {
        private final GreenMail greenMail;

        Control(GreenMail greenMail) {
            this.greenMail = greenMail;
        }

        @Override
        public void stop() {
            greenMail.stop();
        }

        @Override
        public void start() {
            greenMail.start();
            waitUntilGreeting(greenMail.getSmtp().getPort());
        }

        /**
         * A restarted GreenMail may accept its first connection before it serves it (the client then
         * waits for a greeting until the server's 30 s socket timeout): back in service means an
         * SMTP greeting answered, as a mail client sees it.
         */
        private static void waitUntilGreeting(int port) {
            for (int attempt = 0; attempt < 20; attempt++) {
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
                    socket.setSoTimeout(1000);
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                            java.nio.charset.StandardCharsets.US_ASCII));
                    String greeting = in.readLine();
                    if (greeting != null && greeting.startsWith("220")) {
                        socket.getOutputStream().write("QUIT\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // not serving yet: try again
                }
            }
            throw new IllegalStateException("The test SMTP server did not greet after its restart");
        }
    }
}
