package mx.ine.redes.events;

/** A record that cannot be read as an event of this contract: a poison message. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
