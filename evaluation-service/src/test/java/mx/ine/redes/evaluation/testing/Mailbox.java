package mx.ine.redes.evaluation.testing;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads what the real SMTP server received for one address, over POP3, as a mail client would. */
public final class Mailbox {

    public record Mail(String subject, String body, List<String> to, String messageId, java.util.Date sentDate, String rawDate,
                       List<String> headers) {
    }

    private Mailbox() {
    }

    private static List<String> headers(Message message) throws MessagingException {
        List<String> headers = new ArrayList<>();
        for (var header : java.util.Collections.list(message.getAllHeaders())) {
            headers.add(header.getName() + ": " + header.getValue());
        }
        return headers;
    }

    /** Every message delivered to {@code address} so far (POP3 does not delete them here). */
    public static List<Mail> of(String address) {
        Properties properties = new Properties();
        properties.put("mail.pop3.host", "127.0.0.1");
        properties.put("mail.pop3.port", System.getProperty(RealMailServer.POP3_PORT));
        try {
            Store store = Session.getInstance(properties).getStore("pop3");
            store.connect(address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    List<String> to = new ArrayList<>();
                    for (var recipient : message.getAllRecipients()) {
                        to.add(recipient.toString());
                    }
                    String[] ids = message.getHeader("Message-ID");
                    mails.add(new Mail(message.getSubject(), String.valueOf(message.getContent()).strip(), to,
                            ids == null ? null : ids[0], message.getSentDate(),
                            message.getHeader("Date") == null ? null : String.join(" | ", message.getHeader("Date")),
                            headers(message)));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of(); // nothing was ever delivered to this address, so it has no mailbox yet
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
