package mx.ine.redes.deploy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's SMTP server. Every mail the services send is kept as a file in the mailbox
 * folder ({@code <data>/mailbox/}, one {@code .eml} per recipient and message, named by time,
 * recipient and subject), readable with any mail client or text editor.
 */
final class LocalMailServer implements AutoCloseable {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GreenMail greenMail;
    private final Path mailbox;
    private final int port;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-mailbox-writer");
        thread.setDaemon(true);
        return thread;
    });
    /** What was written already: GreenMail lists messages per mailbox, not in arrival order. */
    private final java.util.Set<String> written = new java.util.HashSet<>();

    private LocalMailServer(GreenMail greenMail, Path mailbox, int port) {
        this.greenMail = greenMail;
        this.mailbox = mailbox;
        this.port = port;
    }

    static LocalMailServer start(Path mailbox) {
        try {
            Files.createDirectories(mailbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = freePort();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        LocalMailServer server = new LocalMailServer(greenMail, mailbox, port);
        server.writer.scheduleWithFixedDelay(server::writeNewMail, 1, 1, TimeUnit.SECONDS);
        return server;
    }

    int port() {
        return port;
    }

    Path mailbox() {
        return mailbox;
    }

    private synchronized void writeNewMail() {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                String recipient = message.getAllRecipients() == null ? "sin-destinatario"
                        : message.getAllRecipients()[0].toString();
                if (!written.add(message.getMessageID() + " " + recipient)) {
                    continue;
                }
                String subject = message.getSubject() == null ? "" : message.getSubject();
                String name = "%s-%04d-%s-%s.eml".formatted(LocalDateTime.now().format(FILE_TIME), written.size(),
                        recipient, subject).replaceAll("[^\\p{L}\\p{N}@._-]+", "_");
                try (OutputStream out = Files.newOutputStream(mailbox.resolve(name.length() > 180 ? name.substring(0, 176) + ".eml" : name))) {
                    message.writeTo(out);
                }
            } catch (Exception e) {
                System.err.println("Mailbox: could not write a received mail: " + e);
            }
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        writeNewMail();
        greenMail.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
