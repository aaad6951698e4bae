package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.count;
import static mx.ine.redes.accounts.RegistryFixtures.registerAccount;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.unique;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.ine.redes.support.csv.Csv;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SearchAndCsvTest {

    @Test
    void shouldFindAccountsByEachFilter() {
        String local = RegistryFixtures.registerArea("LOCAL", null, "titular.prueba@ine.mx");
        String district = RegistryFixtures.registerArea("DISTRICT", local, "titular.prueba@ine.mx");
        String word = unique("Elección").toLowerCase();
        String x = registerAccount(district, uniqueXHandle());
        String instagram = given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://www.instagram.com/" + uniqueXHandle(), "displayName", "Cuenta de la " + word,
                        "kind", "PROGRAMME", "areaCode", local))
                .post("/api/accounts").then().statusCode(201).extract().path("id");

        assertThat(ids("area=" + local)).containsExactlyInAnyOrder(x, instagram);
        assertThat(ids("area=" + local + "&includeSubtree=false")).containsExactly(instagram);
        assertThat(ids("area=" + local + "&network=X")).containsExactly(x);
        assertThat(ids("area=" + local + "&level=DISTRICT")).containsExactly(x);
        assertThat(ids("area=" + local + "&kind=PROGRAMME")).containsExactly(instagram);
        int state = given().auth().oauth2(cncsToken()).get("/api/areas/" + local).then().extract().path("state");
        assertThat(ids("area=" + local + "&state=" + state)).containsExactlyInAnyOrder(x, instagram);
        assertThat(ids("area=" + local + "&state=" + (state % 32 + 1))).isEmpty();
        assertThat(ids("area=" + local + "&status=ACTIVE&dormant=false&notLocated=false")).hasSize(2);
        assertThat(ids("area=" + local + "&withoutAdministrator=true")).hasSize(2);
        // Free text ignores accents and case.
        assertThat(ids("q=" + word.replace("ó", "o").toUpperCase())).containsExactly(instagram);
    }

    @Test
    void shouldRejectUnknownFilterValuesNamingTheParameter() {
        given().auth().oauth2(cncsToken()).get("/api/accounts?network=MYSPACE").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(cncsToken()).get("/api/accounts?area=NO-EXISTE").then().statusCode(400)
                .body("errors[0].parameter", equalTo("area"));
        given().auth().oauth2(cncsToken()).get("/api/accounts?size=501").then().statusCode(400);
    }

    @Test
    void shouldPageWithoutRepeatingOrSkipping() {
        String area = registerArea();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            registered.add(registerAccount(area, uniqueXHandle()));
        }
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            List<String> items = given().auth().oauth2(cncsToken()).get("/api/accounts?area=" + area + "&size=3&page=" + page)
                    .then().statusCode(200).body("total", equalTo(7)).extract().path("items.id");
            paged.addAll(items);
            if (page == 0) {
                registerAccount(registerArea(), uniqueXHandle()); // a concurrent insert elsewhere changes nothing here
            }
        }
        assertThat(paged).containsExactlyInAnyOrderElementsOf(registered).doesNotHaveDuplicates();
    }

    @Test
    void shouldExportWhatTheFilterFindsAsCsv() {
        String area = registerArea();
        String handle = uniqueXHandle();
        String id = registerAccount(area, handle);
        String csv = given().auth().oauth2(cncsToken()).get("/api/accounts/export?area=" + area)
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<Csv.Row> rows = Csv.parse(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields()).startsWith("url", "network", "handle", "displayName", "kind", "areaCode");
        assertThat(rows.get(1).fields()).contains("https://x.com/" + handle, "X", handle, area, id, "ACTIVE");
    }

    @Test
    void shouldImportNothingWhenOneLineIsWrongAndListEveryWrongLine() {
        String area = registerArea();
        String good = uniqueXHandle();
        String duplicate = uniqueXHandle();
        String csv = "url,network,handle,displayName,kind,areaCode\n"
                + ",X," + good + ",Buena,INSTITUTIONAL," + area + "\n"
                + "https://www.infocdmx.org.mx/x,,,Ajena,INSTITUTIONAL," + area + "\n"
                + ",X," + duplicate + ",Uno,INSTITUTIONAL," + area + "\n"
                + "https://x.com/" + duplicate + ",,,Dos,INSTITUTIONAL," + area + "\n"
                + ",X,otra," + "Sin área,INSTITUTIONAL,NO-EXISTE\n"
                + ",X,otra2,Tipo raro,RARO," + area + "\n";
        long before = count("select count(a) from Account a");
        long outboxBefore = count("select count(o) from OutboxMessage o");

        given().auth().oauth2(cncsToken()).contentType("text/csv").body(csv)
                .post("/api/accounts/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.findAll { it.line == 3 }.field", hasItems("url"))
                .body("errors.findAll { it.line == 5 }.field", hasItems("url"))
                .body("errors.findAll { it.line == 6 }.field", hasItems("areaCode"))
                .body("errors.findAll { it.line == 7 }.field", hasItems("kind"))
                .body("errors.findAll { it.line == 2 || it.line == 4 }.size()", equalTo(0));

        assertThat(count("select count(a) from Account a")).isEqualTo(before);
        assertThat(count("select count(o) from OutboxMessage o")).isEqualTo(outboxBefore);
    }

    @Test
    void shouldImportEveryLineOfAGoodFileAndReimportAnExport() {
        String area = registerArea();
        String first = uniqueXHandle();
        String csv = "url,network,handle,displayName,kind,areaCode,lastPublicationOn\n"
                + ",X," + first + ",\"Junta, distrital\",INSTITUTIONAL," + area + ",2026-10-01\n"
                + "https://www.youtube.com/@" + uniqueXHandle() + ",,,Canal,PROGRAMME," + area + ",\n";
        List<String> ids = given().auth().oauth2(cncsToken()).contentType("text/csv").body(csv)
                .post("/api/accounts/import")
                .then().statusCode(201).body("imported", equalTo(2)).extract().path("ids");
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + ids.get(0)).then()
                .body("displayName", equalTo("Junta, distrital")).body("lastPublicationOn", equalTo("2026-10-01"));

        // An export, decommissioned at the source, imports as new accounts elsewhere.
        String exported = given().auth().oauth2(cncsToken()).get("/api/accounts/export?area=" + area).then().extract().asString();
        for (String id : ids) {
            given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                    .body(Map.of("decommissionedOn", RegistryFixtures.registeredOn(id), "reason", "Migración"))
                    .post("/api/accounts/" + id + "/decommission").then().statusCode(200);
        }
        StringBuilder reimport = new StringBuilder(String.join(",", mx.ine.redes.accounts.service.AccountImport.COLUMNS)).append("\n");
        for (Csv.Row row : Csv.parse(exported).subList(1, 3)) {
            reimport.append(Csv.line(row.fields().subList(0, 9)));
        }
        given().auth().oauth2(cncsToken()).contentType("text/csv").body(reimport.toString())
                .post("/api/accounts/import").then().statusCode(201).body("imported", equalTo(2));
    }

    @Test
    void shouldImportAreasWithParentsInAnyOrderOrNothing() {
        String local = unique("JLE-");
        String district = unique("JDE-");
        int state = RegistryFixtures.freeState();
        String header = "code,name,level,state,district,parentCode,headName,headEmail\n";
        String bad = header + district + ",Distrital,DISTRICT," + state + ",3," + local + ",Vocal,vocal@ine.mx\n"
                + local + ",Local,LOCAL," + state + ",,,Vocal,vocal@gmail.com\n";
        given().auth().oauth2(cncsToken()).contentType("text/csv").body(bad).post("/api/areas/import")
                .then().statusCode(422).body("errors[0].line", equalTo(3)).body("errors[0].field", equalTo("headEmail"));
        given().auth().oauth2(cncsToken()).get("/api/areas/" + district).then().statusCode(404);

        String good = header + district + ",Distrital,DISTRICT," + state + ",3," + local + ",Vocal,vocal@ine.mx\n"
                + local + ",Local,LOCAL," + state + ",,,Vocal,vocal.local@ine.mx\n";
        given().auth().oauth2(cncsToken()).contentType("text/csv").body(good).post("/api/areas/import")
                .then().statusCode(201);
        given().auth().oauth2(cncsToken()).get("/api/areas/" + district).then().statusCode(200)
                .body("parentCode", equalTo(local));
    }

    @Test
    void shouldRejectAnOversizeImportWithProblem() {
        String huge = "url,network,handle,displayName,kind,areaCode\n" + "x".repeat(3 * 1024 * 1024);
        given().auth().oauth2(cncsToken()).contentType("text/csv").body(huge).post("/api/accounts/import")
                .then().statusCode(413).contentType("application/problem+json");
    }

    private static List<String> ids(String query) {
        return given().auth().oauth2(cncsToken()).get("/api/accounts?size=500&" + query)
                .then().statusCode(200).extract().path("items.id");
    }
}
