package mx.ine.redes.accounts.service;

import java.util.Locale;
import java.util.regex.Pattern;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/** Staff e-mails are in the Institute's domain (domain.md §2: "{@code @ine.mx} for staff"). */
public final class StaffEmails {

    private static final Pattern INSTITUTE_ADDRESS = Pattern.compile("[a-z0-9._%+\\-]+@ine\\.mx");

    private StaffEmails() {
    }

    /** The e-mail lower case, or a 400 problem naming {@code field} if it is not an {@code ine.mx} address. */
    public static String require(String email, String field) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!INSTITUTE_ADDRESS.matcher(normalised).matches()) {
            throw ProblemException.invalid(field, Text.of("El correo " + email + " no es del dominio ine.mx.",
                    "The e-mail " + email + " is not in the ine.mx domain."));
        }
        return normalised;
    }
}
