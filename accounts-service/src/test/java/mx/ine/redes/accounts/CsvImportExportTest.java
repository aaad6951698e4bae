package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.count;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mx.ine.redes.support.csv.Csv;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** CSV in and out (api-conventions, CSV): strict decoding, every error, no extra cells, safe and faithful exports. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class CsvImportExportTest {

    private static final String HEADER = "url,network,handle,displayName,kind,areaCode\n";

    @Test
    void shouldRefuseAWindows1252FileThatDoesNotSaySoNamingTheLine() {
        String area = registerArea();
        byte[] body = (HEADER + ",X," + uniqueXHandle() + ",Junta,INSTITUTIONAL," + area + "\n"
                + ",X," + uniqueXHandle() + ",Junta Local en México,INSTITUTIONAL," + area + "\n")
                .getBytes(Charset.forName("windows-1252"));
        long before = count("select count(a) from Account a");

        // As curl or a browser sends it: no charset parameter (REST Assured would add ISO-8859-1).
        given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(cncsToken()).contentType("text/csv").body(body).post("/api/accounts/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].line", equalTo(3))
                .body("errors[0].message", containsString("charset=windows-1252"));
        assertThat(count("select count(a) from Account a")).isEqualTo(before);
    }

    @Test
    void shouldReadAWindows1252FileThatSaysSoKeepingItsAccents() {
        String area = registerArea();
        byte[] body = (HEADER + ",X," + uniqueXHandle() + ",Junta Local en México; Peñón,INSTITUTIONAL," + area + "\n")
                .getBytes(Charset.forName("windows-1252"));

        List<String> ids = given().auth().oauth2(cncsToken()).contentType("text/csv; charset=windows-1252").body(body)
                .post("/api/accounts/import").then().statusCode(201).extract().path("ids");
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + ids.get(0)).then()
                .body("displayName", equalTo("Junta Local en México; Peñón"));
    }

    @Test
    void shouldTellWhoSendsJsonToTheImportToSendCsv() {
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("url", "https://x.com/ine"))
                .post("/api/accounts/import").then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("text/csv"));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body("{}")
                .post("/api/areas/import").then().statusCode(415).body("detail", containsString("text/csv"));
    }

    @Test
    void shouldReportEveryErrorOfEveryLineAndRefuseExtraCells() {
        String area = registerArea();
        String csv = HEADER
                + ",X," + uniqueXHandle() + ",Buena,INSTITUTIONAL," + area + "\n"
                + ",MYSPACE,alguien,,RARO,NO-EXISTE\n"
                + ",X," + uniqueXHandle() + ",Sobra,INSTITUTIONAL," + area + ",de más\n";

        given().auth().oauth2(cncsToken()).contentType("text/csv").body(csv).post("/api/accounts/import")
                .then().statusCode(422)
                .body("errors.findAll { it.line == 3 }.field", hasItems("network", "displayName", "kind", "areaCode"))
                .body("errors.findAll { it.line == 3 && it.field == 'kind' }.size()", equalTo(1))
                .body("errors.findAll { it.line == 4 }.size()", equalTo(1))
                .body("errors.findAll { it.line == 4 }[0].message", containsString("7 columnas"))
                .body("errors.findAll { it.line == 2 }.size()", equalTo(0));
    }

    @Test
    void shouldRefuseAFutureLastPublicationOnItsLine() {
        String area = registerArea();
        String csv = "url,network,handle,displayName,kind,areaCode,lastPublicationOn\n"
                + ",X," + uniqueXHandle() + ",Futura,INSTITUTIONAL," + area + ",2199-01-01\n";

        given().auth().oauth2(cncsToken()).contentType("text/csv").body(csv).post("/api/accounts/import")
                .then().statusCode(422).body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("lastPublicationOn"));
    }

    @Test
    void shouldRefuseControlCharactersAndUnsupportedYearsInCellsNamingLineAndColumn() {
        String area = registerArea();
        String csv = "url,network,handle,displayName,kind,areaCode,lastPublicationOn\n"
                + ",X," + uniqueXHandle() + ",Con\u0000nulo,INSTITUTIONAL," + area + ",\n"
                + ",X," + uniqueXHandle() + ",Antigua,INSTITUTIONAL," + area + ",1980-01-01\n";
        long before = count("select count(a) from Account a");

        given().auth().oauth2(cncsToken()).contentType("text/csv").body(csv).post("/api/accounts/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.size()", equalTo(2))
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("displayName"))
                .body("errors[0].message", containsString("U+0000"))
                .body("errors[1].line", equalTo(3)).body("errors[1].field", equalTo("lastPublicationOn"))
                .body("errors[1].message", containsString("1990"));
        given().auth().oauth2(cncsToken()).contentType("text/csv")
                .body("code,name,level,state,district,parentCode,headName,headEmail\nCEN-NUL,Con\u0007campana,CENTRAL,,,,,\n")
                .post("/api/areas/import").then().statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("U+0007"));
        assertThat(count("select count(a) from Account a")).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnImportLineWhosePlatformIdIsAnotherAccountsNamingTheLine() {
        String area = registerArea();
        String platformId = java.util.UUID.randomUUID().toString();
        String existing = given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("network", "X", "handle", uniqueXHandle(), "displayName", "Cuenta", "kind", "INSTITUTIONAL",
                        "areaCode", area, "platformAccountId", platformId))
                .post("/api/accounts").then().statusCode(201).extract().path("id");
        String csv = "url,network,handle,displayName,kind,areaCode,platformAccountId\n"
                + ",X," + uniqueXHandle() + ",Otra,PROGRAMME," + area + "," + platformId + "\n";

        given().auth().oauth2(cncsToken()).contentType("text/csv").body(csv).post("/api/accounts/import")
                .then().statusCode(422).body("errors[0].line", equalTo(2))
                .body("errors[0].field", equalTo("platformAccountId"))
                .body("errors[0].message", containsString(existing));
    }

    @Test
    void shouldExportFormulaCellsDefusedAndReimportAnExportUnchanged() {
        String area = registerArea();
        String formula = uniqueXHandle();
        String accented = uniqueXHandle();
        String csv = "url,network,handle,displayName,kind,areaCode,platformAccountId,lastPublicationOn\n"
                + ",X," + formula + ",\"=HYPERLINK(\"\"https://malo.example\"\")\",INSTITUTIONAL," + area + ",-42,2026-01-15\n"
                + ",X," + accented + ",\"Junta Local en México, \"\"oficial\"\"\",PROGRAMME," + area + ",,\n";
        List<String> ids = given().auth().oauth2(cncsToken()).contentType("text/csv").body(csv)
                .post("/api/accounts/import").then().statusCode(201).extract().path("ids");

        String exported = export(area);
        assertThat(exported).contains("\"'=HYPERLINK(\"\"https://malo.example\"\")\"", "\"'-42\"");

        // Into a clean state: the accounts decommissioned here, the whole export imported elsewhere.
        String elsewhere = registerArea();
        for (String id : ids) {
            given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                    .body(Map.of("decommissionedOn", RegistryFixtures.registeredOn(id), "reason", "Migración"))
                    .post("/api/accounts/" + id + "/decommission").then().statusCode(200);
        }
        String moved = exported.replace("," + area + ",", "," + elsewhere + ",");
        given().auth().oauth2(cncsToken()).contentType("text/csv; charset=UTF-8").body(moved.getBytes(StandardCharsets.UTF_8))
                .post("/api/accounts/import").then().statusCode(201).body("imported", equalTo(2));

        List<List<String>> original = registryColumns(exported);
        List<List<String>> reimported = registryColumns(export(elsewhere));
        assertThat(reimported).isEqualTo(original.stream()
                .map(row -> row.stream().map(cell -> cell.equals(area) ? elsewhere : cell).toList()).toList());
        assertThat(reimported).anySatisfy(row -> assertThat(row).contains(formula, "=HYPERLINK(\"https://malo.example\")",
                "-42", "2026-01-15"));
        assertThat(reimported).anySatisfy(row -> assertThat(row).contains(accented, "Junta Local en México, \"oficial\""));
    }

    private static String export(String area) {
        return given().auth().oauth2(cncsToken()).get("/api/accounts/export?status=ACTIVE&area=" + area)
                .then().statusCode(200).extract().asString();
    }

    /** The nine registry columns of each row, defused cells restored, in export order. */
    private static List<List<String>> registryColumns(String csv) {
        return Csv.parse(csv).stream().skip(1)
                .map(row -> row.fields().subList(0, 9).stream().map(Csv::restore).toList()).toList();
    }
}
