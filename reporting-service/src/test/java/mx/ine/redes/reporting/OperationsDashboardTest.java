package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations dashboard in a real headless Chromium: a known world published through Kafka
 * ({@link OperationsWorld}), a person signing in through the demo page, the page showing the figures the
 * events imply (written out below from the rules), on a desktop and on a phone; screenshots kept in
 * {@code target/screenshots}. Who may see it: CNCS; another role gets a 403 page, nobody a redirect to sign in.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsDashboardTest {

    static final String COOKIE = "redes_ine_sesion";
    static final String CNCS_EMAIL = "medios.alternativos@ine.mx";
    static final String COMMITTEE_EMAIL = "comite.gestion@ine.mx";
    static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

    @TestHTTPResource("/")
    URL root;

    @Inject
    Clock clock;

    OperationsWorld world;
    ChromeDriver browser;
    String cncsToken;
    String committeeToken;

    @BeforeAll
    void publishTheWorldAndOpenTheBrowser() throws IOException {
        cncsToken = TestTokens.forPerson(CNCS_EMAIL, Set.of(Roles.CNCS), Map.of("name", "Subdirección de Medios Alternativos (CNCS)"));
        committeeToken = TestTokens.forPerson(COMMITTEE_EMAIL, Set.of(Roles.COMMITTEE),
                Map.of("name", "Secretaría Técnica del Comité"));
        writeDemoTokens(List.of(
                Map.of("role", "cncs", "name", "Subdirección de Medios Alternativos (CNCS)", "email", CNCS_EMAIL,
                        "note", "Todo el registro", "token", cncsToken),
                Map.of("role", "committee", "name", "Secretaría Técnica del Comité", "email", COMMITTEE_EMAIL,
                        "note", "Lee informes", "token", committeeToken)));
        world = OperationsWorld.publish(clock.instant());
        browser = HeadlessChromium.start(1280, 1000);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        HeadlessChromium.desktop(browser);
        browser.get(root + "operations/sign-in");
        browser.manage().deleteAllCookies();
    }

    @Test
    void shouldSendABrowserThatIsNotSignedInToTheSignInPageListingTheDemoIdentities() {
        browser.get(root + "operations");

        assertThat(browser.getCurrentUrl()).endsWith("/operations/sign-in");
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("Iniciar sesión");
        assertThat(browser.findElements(By.cssSelector("form[action='/operations/sign-in/demo'] button"))
                .stream().map(button -> button.getAttribute("data-email")).toList())
                .containsExactly(CNCS_EMAIL, COMMITTEE_EMAIL);
    }

    @Test
    void shouldShowCncsTheCurrentCycleAsTheEventsLeftIt() {
        signInAs(CNCS_EMAIL);

        assertThat(browser.getCurrentUrl()).endsWith("/operations");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.cssSelector("meta[name='viewport']")).getAttribute("content"))
                .contains("width=device-width");
        assertThat(browser.findElement(By.cssSelector("meta[http-equiv='refresh']")).getAttribute("content")).isEqualTo("60");
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).contains(CNCS_EMAIL);
        ZonedDateTime lastEvent = world.events().latestOccurredAt().atZone(MEXICO_CITY);
        assertThat(browser.findElement(By.id("as-of")).getText())
                .contains("Datos al " + lastEvent.getDayOfMonth() + " ")
                .contains(lastEvent.getYear() + String.format(", %02d:%02d", lastEvent.getHour(), lastEvent.getMinute()));

        // The current cycle is the one opened last; d1's withdrawn request does not count, c2 submitted late,
        // l2 and d2 were declared overdue, l3 is simply not in yet.
        assertThat(browser.findElement(By.id("progress-title")).getText())
                .isEqualTo("Avance del ciclo 2032-S1 (1 ene 2032 al 30 jun 2032)");
        assertThat(figures("progress", "CEN")).containsExactly("2", "2", "1", "0", "0");
        assertThat(figures("progress", "JL07")).containsExactly("3", "1", "0", "2", "1");
        assertThat(figures("progress", "JD0701")).containsExactly("1", "0", "0", "1", "1");
        assertThat(figures("progress", "total")).containsExactly("6", "3", "1", "3", "2");
        assertThat(rowHeader("progress", "JL07")).isEqualTo("JL07 · Junta Local Ejecutiva en Chiapas");

        // Open observations: waiting for the correction by due time (o2 past it, o1 of the previous cycle, o3), then
        // o4, answered and waiting for CNCS; o5 was resolved.
        List<WebElement> observations = browser.findElements(By.cssSelector("#observations tbody tr"));
        assertThat(observations.stream().map(row -> row.getAttribute("data-observation")).toList())
                .containsExactly(world.o2.toString(), world.o1.toString(), world.o3.toString(), world.o4.toString());
        assertThat(cells(observations.get(0))).containsExactly("X @INEChiapas", "JL07", "2032-S1",
                cells(observations.get(0)).get(3), cells(observations.get(0)).get(4), "vencida hace 2 d 3 h", "Espera la corrección");
        assertThat(cells(observations.get(1))).element(2).isEqualTo("2031-S2");
        assertThat(cells(observations.get(1))).element(5).isEqualTo("1 d 6 h");
        assertThat(cells(observations.get(2))).element(5).isEqualTo("2 d 0 h");
        assertThat(cells(observations.get(3))).element(0).isEqualTo("Facebook @INEJD0701oficial");
        assertThat(cells(observations.get(3)).subList(5, 7)).containsExactly("—", "Corregida: la revisa la CNCS");
        assertThat(observations.get(0).findElement(By.cssSelector("[data-figure='left']")).getAttribute("class")).isEqualTo("past");

        // Art. 15 chains of the current cycle: l2's with the head, d2's before the Committee, o2's resolved by it;
        // CEN's was withdrawn, the previous cycle's is not this one's.
        assertThat(browser.findElements(By.cssSelector("#escalations tbody tr")).stream()
                .map(row -> row.getAttribute("data-area")).toList()).containsExactly("JD0701", "JL07");
        assertThat(figures("escalations", "JL07")).containsExactly("1", "0", "1");
        assertThat(figures("escalations", "JD0701")).containsExactly("0", "1", "0");
        assertThat(figures("escalations", "total")).containsExactly("1", "1", "1");

        // CNCS's term: v1 five days left, v2 moved to 26 h 30 min from now (due within 48 h), v3 past by 25 h 30 min;
        // v4 was completed.
        assertThat(figures("backlog", "CEN")).containsExactly("2", "1", "0");
        assertThat(figures("backlog", "JL07")).containsExactly("1", "0", "1");
        assertThat(figures("backlog", "total")).containsExactly("3", "1", "1");
        List<WebElement> atRisk = browser.findElements(By.cssSelector("#evaluations-at-risk tbody tr"));
        assertThat(atRisk.stream().map(row -> row.getAttribute("data-evaluation")).toList())
                .containsExactly(world.v3.toString(), world.v2.toString());
        assertThat(cells(atRisk.get(0))).element(5).isEqualTo("vencida hace 1 d 1 h");
        assertThat(cells(atRisk.get(1))).element(0).isEqualTo("Facebook @INEMexicoOficial");
        assertThat(cells(atRisk.get(1))).element(5).isEqualTo("1 d 2 h");

        // The one undecodable record, parked by the evaluation events' consumer; the other services' are theirs to show.
        assertThat(browser.findElement(By.cssSelector("#dead-letters tr[data-consumer='reporting-evaluation']")).getText())
                .isEqualTo("ine.evaluation.events reporting-evaluation 1");
        assertThat(browser.findElement(By.id("other-services")).getText()).contains("/api/operations/dead-letters")
                .contains("dead_letters_parked");

        assertThat(tiles()).containsExactly("3", "2", "4", "1", "1", "1", "1", "1");
        HeadlessChromium.screenshot(browser, "operations-dashboard");
    }

    @Test
    void shouldBeReadableOnAPhone() {
        signInAs(CNCS_EMAIL);
        HeadlessChromium.phone(browser, 390, 844);
        browser.navigate().refresh();

        // Nothing wider than the screen: a table wider than it scrolls inside its own frame, the page does not.
        Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number screenWidth = (Number) browser.executeScript("return window.innerWidth");
        assertThat(pageWidth.intValue()).isLessThanOrEqualTo(screenWidth.intValue());
        assertThat(screenWidth.intValue()).isEqualTo(390);
        WebElement firstTile = browser.findElement(By.id("tile-missing"));
        assertThat(firstTile.isDisplayed()).isTrue();
        assertThat(firstTile.getText()).isEqualTo("3");
        assertThat(figures("progress", "JL07")).containsExactly("3", "1", "0", "2", "1");
        // The cycle's table fits the screen, its headings abbreviated (the full words in their titles).
        Number tableWidth = (Number) browser.executeScript("return document.getElementById('progress').scrollWidth");
        Number frameWidth = (Number) browser.executeScript("return document.getElementById('progress').parentElement.clientWidth");
        assertThat(tableWidth.intValue()).isLessThanOrEqualTo(frameWidth.intValue());
        // What a person acts on stays on the screen; the dates are for a wider one.
        WebElement firstObservation = browser.findElement(By.cssSelector("#observations tbody tr"));
        assertThat(firstObservation.findElement(By.cssSelector("[data-figure='left']")).getText()).isEqualTo("vencida hace 2 d 3 h");
        assertThat(firstObservation.findElements(By.cssSelector("td")).get(1).isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, "operations-dashboard-phone");
        // And screen by screen, as a person scrolling it reads it.
        long pageHeight = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        for (int screen = 0; screen * 844L < pageHeight; screen++) {
            HeadlessChromium.screenshot(browser, "operations-dashboard-phone-" + (screen + 1), screen * 844, 844);
        }
    }

    @Test
    void shouldAnswerAnotherRoleWithAForbiddenPage() {
        signInAs(COMMITTEE_EMAIL);

        assertThat(browser.findElement(By.id("forbidden")).getText()).isEqualTo("No tiene acceso a este tablero");
        assertThat(browser.findElements(By.id("progress"))).isEmpty();
        HeadlessChromium.screenshot(browser, "operations-dashboard-forbidden");
        given().redirects().follow(false).cookie(COOKIE, committeeToken).get("/operations")
                .then().statusCode(403).contentType(startsWith("text/html")).body(containsString("No tiene acceso"));
    }

    @Test
    void shouldRedirectToSignInRatherThanRefuseWithoutAValidSession() {
        given().redirects().follow(false).get("/operations")
                .then().statusCode(303).header("Location", endsWith("/operations/sign-in"));
        // A cookie that signs nobody in (another key) is dropped on the way.
        given().redirects().follow(false).cookie(COOKIE, TestTokens.forgedFor(Roles.CNCS)).get("/operations")
                .then().statusCode(303).header("Location", endsWith("/operations/sign-in"))
                .header("Set-Cookie", containsString(COOKIE + "=")).header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void shouldSetAnHttpOnlyStrictCookieScopedToTheDashboard() {
        String setCookie = given().redirects().follow(false).formParam("person", CNCS_EMAIL).post("/operations/sign-in/demo")
                .then().statusCode(303).header("Location", endsWith("/operations")).extract().header("Set-Cookie");
        assertThat(setCookie).startsWith(COOKIE + "=" + cncsToken).contains("Path=/operations").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        given().redirects().follow(false).formParam("person", "intruso@example.com").post("/operations/sign-in/demo")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body(containsString("person"));
    }

    @Test
    void shouldKeepBearerTokensWorkingBesideTheCookie() {
        given().auth().oauth2(cncsToken).get("/api/registry/accounts").then().statusCode(200);
        given().redirects().follow(false).auth().oauth2(cncsToken).get("/operations").then().statusCode(200)
                .contentType(startsWith("text/html")).header("Cache-Control", "no-store");
    }

    @Test
    void shouldSignOutAndAskToSignInAgain() {
        signInAs(CNCS_EMAIL);
        clickAndAwaitPage(By.cssSelector("form[action='/operations/sign-out'] button"), "/operations/sign-in");

        assertThat(browser.getCurrentUrl()).endsWith("/operations/sign-in");
        browser.get(root + "operations");
        assertThat(browser.getCurrentUrl()).endsWith("/operations/sign-in");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private void signInAs(String email) {
        browser.get(root + "operations/sign-in");
        clickAndAwaitPage(By.cssSelector("button[data-email='" + email + "']"), "/operations");
    }

    /**
     * Submits a form and waits for the page it leads to: a click returns once the browser has started to navigate,
     * not necessarily once the redirect has been followed.
     */
    private void clickAndAwaitPage(By button, String pathEnding) {
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith(pathEnding)
                && "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** The figures of an area's row (or {@code total}), left to right. */
    private List<String> figures(String table, String area) {
        return browser.findElements(By.cssSelector("#" + table + " tr[data-area='" + area + "'] [data-figure]")).stream()
                .map(WebElement::getText).toList();
    }

    private String rowHeader(String table, String area) {
        return browser.findElement(By.cssSelector("#" + table + " tr[data-area='" + area + "'] th")).getText();
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    private List<String> tiles() {
        return browser.findElements(By.cssSelector(".tiles .figure")).stream().map(WebElement::getText).toList();
    }

    private static void writeDemoTokens(List<Map<String, String>> people) throws IOException {
        Path file = Path.of("target", "dashboard-demo-tokens.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new ObjectMapper().writeValueAsString(Map.of("people", people)));
    }
}
