package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.AccountKind;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.accounts.Network;
import mx.ine.redes.accounts.Person;
import mx.ine.redes.accounts.address.AccountAddress;
import mx.ine.redes.accounts.address.AccountAddressParser;
import mx.ine.redes.accounts.rest.AccountRequest;
import mx.ine.redes.support.csv.Csv;
import mx.ine.redes.support.problem.Problem;
import mx.ine.redes.support.problem.ProblemException;

/**
 * CSV import of accounts, all or nothing: every line is checked first and, if any is wrong,
 * nothing is imported and the answer lists each wrong line with its reason; otherwise every
 * account is registered in one transaction.
 */
@ApplicationScoped
public class AccountImport {

    /** The columns, in the order of {@link AccountExport}; {@code administratorEmails} separated by {@code ;}. */
    public static final List<String> COLUMNS = List.of("url", "network", "handle", "displayName", "kind", "areaCode",
            "platformAccountId", "lastPublicationOn", "administratorEmails");

    @Inject
    AccountService accounts;

    @Inject
    Validator validator;

    @Transactional
    public List<Account> importCsv(String csv, String actor) {
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(csv);
        } catch (Csv.MalformedCsvException e) {
            throw ProblemException.unprocessable("El archivo no es un CSV válido; no se importó nada.",
                    List.of(new Problem.InvalidField("lines[" + e.line() + "]", e.getMessage())));
        }
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("El archivo está vacío; no se importó nada.",
                    List.of(new Problem.InvalidField("lines[1]", "Falta el encabezado " + String.join(",", COLUMNS) + ".")));
        }
        Map<String, Integer> columns = header(rows.get(0));
        List<Problem.InvalidField> errors = new ArrayList<>();
        List<AccountRequest> requests = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            String prefix = "lines[" + row.line() + "]";
            try {
                AccountRequest request = toRequest(row, columns);
                for (ConstraintViolation<AccountRequest> violation : validator.validate(request)) {
                    errors.add(new Problem.InvalidField(prefix + "." + violation.getPropertyPath(), violation.getMessage()));
                }
                AccountAddress address = check(request);
                Integer earlier = seen.putIfAbsent(address.network() + "/" + address.handle(), row.line());
                if (earlier != null) {
                    errors.add(new Problem.InvalidField(prefix, "La cuenta " + address.network() + " " + address.handle()
                            + " ya aparece en la línea " + earlier + "."));
                }
                requests.add(request);
            } catch (ProblemException problem) {
                if (problem.errors().isEmpty()) {
                    errors.add(new Problem.InvalidField(prefix, problem.getMessage()));
                }
                problem.errors().forEach(field -> errors.add(new Problem.InvalidField(prefix + "." + field.field(), field.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("El archivo tiene " + errors.size()
                    + " errores; no se importó ninguna cuenta.", errors);
        }
        List<Account> imported = new ArrayList<>();
        for (AccountRequest request : requests) {
            AccountService.Registration registration = accounts.register(request, actor);
            if (registration.outcome() != AccountService.Outcome.REGISTERED) {
                throw ProblemException.conflict("La cuenta " + request.handle() + request.url()
                        + " coincide con una ya registrada; no se importó nada.");
            }
            imported.add(registration.account());
        }
        return imported;
    }

    private static Map<String, Integer> header(Csv.Row header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columns.put(header.fields().get(i).strip(), i);
        }
        List<String> missing = List.of("displayName", "kind", "areaCode").stream()
                .filter(required -> !columns.containsKey(required)).toList();
        List<String> unknown = columns.keySet().stream().filter(name -> !COLUMNS.contains(name)).sorted().toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw ProblemException.unprocessable("El encabezado del archivo no es válido; no se importó nada.",
                    List.of(new Problem.InvalidField("lines[" + header.line() + "]",
                            "Columnas admitidas: " + String.join(",", COLUMNS)
                                    + (missing.isEmpty() ? "" : "; faltan: " + String.join(",", missing))
                                    + (unknown.isEmpty() ? "" : "; desconocidas: " + String.join(",", unknown)))));
        }
        return columns;
    }

    private static AccountRequest toRequest(Csv.Row row, Map<String, Integer> columns) {
        String network = value(row, columns, "network");
        String kind = value(row, columns, "kind");
        String lastPublication = value(row, columns, "lastPublicationOn");
        String admins = value(row, columns, "administratorEmails");
        String url = value(row, columns, "url");
        // An exported file carries both: the URL is the account's canonical address and decides.
        return new AccountRequest(url,
                network == null ? null : enumValue(Network.class, network, "network"),
                url == null ? value(row, columns, "handle") : null,
                value(row, columns, "displayName"),
                kind == null ? null : enumValue(AccountKind.class, kind, "kind"),
                value(row, columns, "areaCode"),
                value(row, columns, "platformAccountId"),
                lastPublication == null ? null : date(lastPublication),
                admins == null ? List.of() : Arrays.stream(admins.split(";")).map(String::strip)
                        .filter(email -> !email.isEmpty()).toList());
    }

    /** The checks registration makes before it writes anything, run for every line first. */
    private static AccountAddress check(AccountRequest request) {
        boolean byUrl = request.url() != null;
        AccountAddress address;
        if (byUrl) {
            address = AccountAddressParser.parse(request.url());
        } else if (request.network() == null || request.handle() == null) {
            throw ProblemException.invalid("url", "Indique url, o network y handle.");
        } else {
            address = AccountAddressParser.of(request.network(), request.handle());
        }
        Account.findLive(address.network(), address.handle()).ifPresent(existing -> {
            throw ProblemException.invalid("handle", "La cuenta " + address.network() + " " + address.handle()
                    + " ya está registrada (id " + existing.id + ").");
        });
        if (request.areaCode() != null && Area.findByCode(request.areaCode()).isEmpty()) {
            throw ProblemException.invalid("areaCode", "No existe el área " + request.areaCode() + ".");
        }
        for (int i = 0; i < request.administratorEmails().size(); i++) {
            String email = StaffEmails.require(request.administratorEmails().get(i), "administratorEmails[" + i + "]");
            if (Person.findByEmail(email).isEmpty()) {
                throw ProblemException.invalid("administratorEmails[" + i + "]", "No hay una persona registrada con el correo " + email + ".");
            }
        }
        return address;
    }

    private static String value(Csv.Row row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.fields().size()) {
            return null;
        }
        String text = row.fields().get(index).strip();
        return text.isEmpty() ? null : text;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "Valor no admitido: " + text + ". Admitidos: "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("lastPublicationOn", "La fecha " + text + " no tiene el formato AAAA-MM-DD.");
        }
    }
}
