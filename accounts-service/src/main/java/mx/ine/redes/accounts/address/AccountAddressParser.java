package mx.ine.redes.accounts.address;

import java.util.Locale;
import mx.ine.redes.accounts.Network;
import mx.ine.redes.support.problem.ProblemException;

/**
 * Places a pasted profile URL, or a network and a handle as typed, on its network with a
 * normalised handle (domain.md §2). What it cannot place is refused with a problem naming the field.
 */
public final class AccountAddressParser {

    private AccountAddressParser() {
    }

    /** Parses a pasted URL; refuses ({@code url}) what it cannot place. */
    public static AccountAddress parse(String url) {
        throw ProblemException.invalid("url", "No se reconoce la dirección " + url + ".");
    }

    /** Normalises a handle typed for a network; refuses ({@code handle}) illegal characters. */
    public static AccountAddress of(Network network, String handle) {
        String trimmed = handle.strip();
        String normalised = (trimmed.startsWith("@") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
        return new AccountAddress(network, normalised, network.canonicalUrl(normalised));
    }
}
