package mx.ine.redes.accounts.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import mx.ine.redes.accounts.Account;

/** Text without accents and in lower case, so that "Junta Distrital" finds "JUNTA DISTRÍTAL". */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).strip();
    }

    public static String of(Account account) {
        return normalise(account.handle + " " + account.displayName + " " + account.area.code + " " + account.area.name);
    }
}
