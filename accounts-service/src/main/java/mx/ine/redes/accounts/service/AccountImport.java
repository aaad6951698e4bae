package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.AccountKind;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.accounts.Network;
import mx.ine.redes.accounts.Person;
import mx.ine.redes.accounts.address.AccountAddress;
import mx.ine.redes.accounts.address.AccountAddressParser;
import mx.ine.redes.accounts.rest.AccountRequest;
import mx.ine.redes.support.csv.Csv;
import mx.ine.redes.support.csv.CsvUpload;
import mx.ine.redes.support.input.InputRules;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;

/**
 * CSV import of accounts, all or nothing: every line is checked first and, if any is wrong,
 * nothing is imported and the answer lists every error of every line (its line and column);
 * otherwise every account is registered in one transaction.
 *
 * <p>The header names the columns, in any order: the nine of {@link #COLUMNS} (those that
 * registration reads) and, optionally, the descriptive ones an export adds after them
 * ({@link AccountExport#COLUMNS}: id, status, dates and flags that the registry owns), which are
 * ignored — so an export imports as it is. A line with more cells than the header is an error.
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

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    /** @return the ids of the accounts imported, in the file's order */
    @Transactional
    public List<UUID> importCsv(String csv, String actor) {
        List<Csv.Row> rows = CsvUpload.rows(csv);
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable(Text.of("El archivo está vacío; no se importó nada.",
                    "The file is empty; nothing was imported."), List.of(Violation.line(1, null, Text.of(
                    "Falta el encabezado " + String.join(",", COLUMNS) + ".", "The header " + String.join(",", COLUMNS)
                            + " is missing."))));
        }
        Csv.Row header = rows.get(0);
        Map<String, Integer> columns = header(header);
        LocalDate today = LocalDate.ofInstant(clock.instant(), AccountService.INSTITUTE_ZONE);
        List<Violation> errors = new ArrayList<>(CsvUpload.controlCharacters(rows));
        List<AccountRequest> requests = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            Line line = new Line(row, columns, errors);
            if (row.fields().size() > header.fields().size()) {
                line.error(null, Text.of("La línea tiene " + row.fields().size() + " columnas; el encabezado, "
                        + header.fields().size() + ".", "The line has " + row.fields().size() + " columns; the header, "
                        + header.fields().size() + "."));
            }
            AccountRequest request = toRequest(line, today);
            for (ConstraintViolation<AccountRequest> violation : validator.validate(request)) {
                // A cell already reported as unreadable is left empty: "must not be null" would say it twice.
                if (!line.reported(violation.getPropertyPath().toString())) {
                    line.error(violation.getPropertyPath().toString(), Text.spanish(violation.getMessage()));
                }
            }
            AccountAddress address = check(request, line);
            if (address != null) {
                Integer earlier = seen.putIfAbsent(address.network() + "/" + address.handle(), row.line());
                if (earlier != null) {
                    line.error(request.url() != null ? "url" : "handle", Text.of("La cuenta " + address.network() + " "
                            + address.handle() + " ya aparece en la línea " + earlier + ".", "The account " + address.network()
                            + " " + address.handle() + " already appears on line " + earlier + "."));
                }
            }
            requests.add(request);
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(Violation::line));
            throw ProblemException.unprocessable(Text.of("El archivo tiene " + errors.size()
                    + " errores; no se importó ninguna cuenta.", "The file has " + errors.size()
                    + " errors; no account was imported."), errors);
        }
        List<UUID> imported = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            AccountRequest request = requests.get(i);
            AccountService.Registration registration = accounts.register(request, actor);
            if (registration.outcome() != AccountService.Outcome.REGISTERED) {
                int line = rows.get(i + 1).line();
                throw ProblemException.conflict(Text.of("La cuenta de la línea " + line + " coincide con la cuenta ya"
                                + " registrada " + registration.account().id + "; no se importó nada.",
                        "The account on line " + line + " matches the account already registered "
                                + registration.account().id + "; nothing was imported."),
                        List.of(Violation.line(line, "platformAccountId", Text.of("Ya registrado en " + registration.account().id
                                + ".", "Already registered in " + registration.account().id + "."))));
            }
            imported.add(registration.account().id);
            // Every query of the next registration would first flush every entity this one left managed, and the
            // next one's too: a file of n lines cost n² checks (500 lines ran past the transaction timeout). What a
            // line wrote is flushed once and let go; the transaction, its locks and its outbox rows stay.
            entityManager.flush();
            entityManager.clear();
        }
        return imported;
    }

    /** The cells of one line, read by column name, and where its errors go. */
    private record Line(Csv.Row row, Map<String, Integer> columns, List<Violation> errors) {

        String value(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= row.fields().size()) {
                return null;
            }
            String text = Csv.restore(row.fields().get(index).strip());
            return text.isEmpty() ? null : text;
        }

        boolean reported(String column) {
            return errors.stream().anyMatch(e -> e.line() != null && e.line() == row.line() && column.equals(e.field()));
        }

        void error(String column, Text message) {
            errors.add(Violation.line(row.line(), column, message));
        }
    }

    private static Map<String, Integer> header(Csv.Row header) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            if (columns.putIfAbsent(header.fields().get(i).strip(), i) != null) {
                repeated.add(header.fields().get(i).strip());
            }
        }
        List<String> missing = List.of("displayName", "kind", "areaCode").stream()
                .filter(required -> !columns.containsKey(required)).toList();
        List<String> unknown = columns.keySet().stream().filter(name -> !AccountExport.COLUMNS.contains(name)).sorted().toList();
        if (!missing.isEmpty() || !unknown.isEmpty() || !repeated.isEmpty()) {
            String es = "Columnas admitidas: " + String.join(",", COLUMNS) + " (y las descriptivas de una exportación)"
                    + (missing.isEmpty() ? "" : "; faltan: " + String.join(",", missing))
                    + (unknown.isEmpty() ? "" : "; desconocidas: " + String.join(",", unknown))
                    + (repeated.isEmpty() ? "" : "; repetidas: " + String.join(",", repeated)) + ".";
            String en = "Accepted columns: " + String.join(",", COLUMNS) + " (and an export's descriptive ones)"
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(",", missing))
                    + (unknown.isEmpty() ? "" : "; unknown: " + String.join(",", unknown))
                    + (repeated.isEmpty() ? "" : "; repeated: " + String.join(",", repeated)) + ".";
            throw ProblemException.unprocessable(Text.of("El encabezado del archivo no es válido; no se importó nada.",
                    "The file's header is not valid; nothing was imported."), List.of(Violation.line(header.line(), null,
                    Text.of(es, en))));
        }
        return columns;
    }

    /** The line's request; a cell that cannot be read is reported and left empty, so the other cells are still checked. */
    private static AccountRequest toRequest(Line line, LocalDate today) {
        String url = line.value("url");
        String admins = line.value("administratorEmails");
        // An exported file carries both: the URL is the account's canonical address and decides.
        return new AccountRequest(url,
                enumValue(Network.class, line, "network"),
                url == null ? line.value("handle") : null,
                line.value("displayName"),
                enumValue(AccountKind.class, line, "kind"),
                line.value("areaCode"),
                line.value("platformAccountId"),
                publicationDate(line, today),
                admins == null ? List.of() : Arrays.stream(admins.split(";")).map(String::strip)
                        .filter(email -> !email.isEmpty()).toList());
    }

    /** The checks registration makes before it writes anything, run for every line first; the address if it has one. */
    private static AccountAddress check(AccountRequest request, Line line) {
        AccountAddress address = null;
        try {
            if (request.url() != null) {
                address = AccountAddressParser.parse(request.url());
            } else if (request.network() == null || request.handle() == null) {
                Text either = Text.of("Indique url, o network y handle.", "Give url, or network and handle.");
                line.error("url", either);
            } else {
                address = AccountAddressParser.of(request.network(), request.handle());
            }
        } catch (ProblemException problem) {
            problem.violations().forEach(violation -> line.error(violation.field() == null ? "url" : violation.field(),
                    violation.message()));
        }
        if (address != null) {
            AccountAddress found = address;
            Account.findLive(address.network(), address.handle()).ifPresent(existing -> line.error(
                    request.url() != null ? "url" : "handle", Text.of("La cuenta " + found.network() + " " + found.handle()
                            + " ya está registrada (id " + existing.id + ").", "The account " + found.network() + " "
                            + found.handle() + " is already registered (id " + existing.id + ").")));
        }
        if (address != null && request.platformAccountId() != null) {
            Account.<Account>find("network = ?1 and platformAccountId = ?2 and status <> ?3", address.network(),
                            request.platformAccountId(), mx.ine.redes.accounts.AccountStatus.DECOMMISSIONED)
                    .firstResultOptional().ifPresent(holder -> line.error("platformAccountId", Text.of(
                            "El identificador de plataforma " + request.platformAccountId() + " ya es de la cuenta "
                                    + holder.id + "; una importación solo registra cuentas nuevas.",
                            "Platform id " + request.platformAccountId() + " already belongs to account " + holder.id
                                    + "; an import only registers new accounts.")));
        }
        if (request.areaCode() != null && Area.findByCode(request.areaCode()).isEmpty()) {
            line.error("areaCode", Text.of("No existe el área " + request.areaCode() + ".",
                    "There is no area " + request.areaCode() + "."));
        }
        for (String email : request.administratorEmails()) {
            try {
                String normalised = StaffEmails.require(email, "administratorEmails");
                if (Person.findByEmail(normalised).isEmpty()) {
                    line.error("administratorEmails", Text.of("No hay una persona registrada con el correo " + email + ".",
                            "No person is registered with the e-mail " + email + "."));
                }
            } catch (ProblemException problem) {
                line.error("administratorEmails", problem.detail());
            }
        }
        return address;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Line line, String column) {
        String text = line.value(column);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            line.error(column, Text.of("Valor no admitido: " + text + ". Admitidos: " + Arrays.toString(type.getEnumConstants())
                    + ".", "Unsupported value: " + text + ". Accepted: " + Arrays.toString(type.getEnumConstants()) + "."));
            return null;
        }
    }

    private static LocalDate publicationDate(Line line, LocalDate today) {
        String text = line.value("lastPublicationOn");
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            line.error("lastPublicationOn", Text.of("La fecha " + text + " no es una fecha AAAA-MM-DD.",
                    "The date " + text + " is not a YYYY-MM-DD date."));
            return null;
        }
        if (InputRules.outsideSupportedYears(date).isPresent()) {
            line.error("lastPublicationOn", InputRules.outsideSupportedYears(date).get());
            return null;
        }
        if (date.isAfter(today)) {
            line.error("lastPublicationOn", Text.of("La fecha de última publicación (" + date + ") no puede ser futura.",
                    "The last publication date (" + date + ") cannot be in the future."));
            return null;
        }
        return date;
    }
}
