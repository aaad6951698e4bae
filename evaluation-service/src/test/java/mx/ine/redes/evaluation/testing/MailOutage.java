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
        }
    }
}
