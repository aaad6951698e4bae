package mx.ine.redes.submissions;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.submissions.IntakeFixtures.CNCS;
import static mx.ine.redes.submissions.IntakeFixtures.account;
import static mx.ine.redes.submissions.IntakeFixtures.admin;
import static mx.ine.redes.submissions.IntakeFixtures.cycleRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** Evidence through the API: uploaded for a request, recognised by content, cited by SHA-256, carried by the event, downloaded. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EvidenceIntakeTest {

    private static final Map<String, Object> FACEBOOK_FIGURES = Map.of("posts", 805, "shares", 1204, "likes", 33018,
            "reach", 912450, "impressions", 2104733, "multimediaPosts", 310);

    static byte[] screenshot(Color color) throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, 320, 200);
        graphics.setColor(Color.WHITE);
        graphics.drawString("Estadísticas de la página: 805 publicaciones", 10, 100);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Response upload(String token, UUID request, String fileName, byte[] bytes, String declaredType) {
        return given().auth().oauth2(token).multiPart("file", fileName, bytes, declaredType)
                .post("/api/requests/" + request + "/evidence");
    }

    @Test
    void shouldTakeAScreenshotForAFacebookFormAndServeItBack() throws Exception {
        UUID account = account("FACEBOOK", "INEChiapasFB_evidencia", "admin.fb.evidencia@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        String token = admin("admin.fb.evidencia@ine.mx");
        byte[] png = screenshot(new Color(24, 119, 242));

        upload(token, request, "../../Usuarios/ana/Captura de pantalla.png", png, "application/octet-stream")
                .then().statusCode(201)
                .body("[0].sha256", equalTo(sha256(png)))
                .body("[0].contentType", equalTo("image/png"))
                .body("[0].sizeBytes", equalTo(png.length))
                .body("[0].fileName", equalTo("Captura de pantalla.png"));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", FACEBOOK_FIGURES, "evidence", List.of(sha256(png))))
                .post("/api/submissions").then().statusCode(201)
                .body("versions[0].evidence[0].sha256", equalTo(sha256(png)))
                .extract().path("id");

        given().auth().oauth2(token).get("/api/submissions/" + id + "/evidence").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].download", equalTo("/api/submissions/" + id + "/evidence/" + sha256(png)));
        byte[] downloaded = given().auth().oauth2(token).get("/api/submissions/" + id + "/evidence/" + sha256(png))
                .then().statusCode(200).contentType("image/png")
                .header("Content-Disposition", containsString("Captura de pantalla.png"))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(png);
        await().atMost(Duration.ofSeconds(15)).until(() -> !KafkaTestClient.eventsFor(Topics.SUBMISSIONS, account.toString()).isEmpty());
        EventEnvelope event = KafkaTestClient.eventsFor(Topics.SUBMISSIONS, account.toString()).get(0);
        SubmissionReceived received = (SubmissionReceived) event.payload();
        assertThat(received.evidenceCount()).isEqualTo(1);
        assertThat(received.evidence()).containsExactly(new SubmissionReceived.EvidenceFile(sha256(png), "image/png", png.length,
                "Captura de pantalla.png"));
    }

    @Test
    void shouldRefuseFilesThatAreNotWhatTheyClaim() throws Exception {
        UUID account = account("FACEBOOK", "INEChiapasFB_falsos", "admin.fb.falsos@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        String token = admin("admin.fb.falsos@ine.mx");
        byte[] png = screenshot(Color.DARK_GRAY);
        byte[] garbage = Arrays.copyOf(png, 600);
        Arrays.fill(garbage, 16, 600, (byte) 0x5A);
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0};

        upload(token, request, "captura.png", elf, "image/png").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file[0]"));
        upload(token, request, "captura.png", garbage, "image/png").then().statusCode(422).body("errors[0].field", equalTo("file[0]"));
        upload(token, request, "vacio.png", new byte[0], "image/png").then().statusCode(422).body("errors[0].field", equalTo("file[0]"));
        upload(token, request, "informe.pdf", "%PDF-1.7\nno es un PDF".getBytes(), "application/pdf").then().statusCode(422);
        upload(token, request, "truncada.png", Arrays.copyOf(png, png.length / 2), "image/png").then().statusCode(422);
        given().auth().oauth2(token).get("/api/requests/" + request + "/evidence").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldRefuseAFileOverTheLimitAndEvidenceNotUploadedForTheRequest() throws Exception {
        UUID account = account("FACEBOOK", "INEChiapasFB_limites", "admin.fb.limites@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        String token = admin("admin.fb.limites@ine.mx");
        byte[] tooLarge = Arrays.copyOf(screenshot(Color.RED), 10 * 1024 * 1024 + 1);

        upload(token, request, "enorme.png", tooLarge, "image/png").then().statusCode(413).body("errors[0].field", equalTo("file[0]"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", FACEBOOK_FIGURES, "evidence", List.of("ab".repeat(32))))
                .post("/api/submissions").then().statusCode(422).body("errors[0].field", equalTo("evidence[0]"));
    }

    @Test
    void shouldKeepTheEvidenceOfTheOtherAreasOutOfReach() throws Exception {
        UUID account = account("FACEBOOK", "INEChiapasFB_ajena", "admin.fb.propia@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        account("X", "ine_sonora_evidencia", "admin.sonora.evidencia@ine.mx", "JLE-SON", "titular.sonora@ine.mx");
        byte[] png = screenshot(Color.GREEN);

        upload(admin("admin.sonora.evidencia@ine.mx"), request, "captura.png", png, "image/png").then().statusCode(404);
        upload(admin("admin.fb.propia@ine.mx"), request, "captura.png", png, "image/png").then().statusCode(201);
        String id = given().auth().oauth2(admin("admin.fb.propia@ine.mx")).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", FACEBOOK_FIGURES, "evidence", List.of(sha256(png))))
                .post("/api/submissions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin("admin.sonora.evidencia@ine.mx")).get("/api/submissions/" + id + "/evidence/" + sha256(png))
                .then().statusCode(404);
        given().auth().oauth2(CNCS).get("/api/submissions/" + id + "/evidence/" + "00".repeat(32)).then().statusCode(404);
        given().auth().oauth2(CNCS).get("/api/submissions/" + id + "/evidence/not-a-sha").then().statusCode(400);
        // A correction that leaves evidence out keeps the screenshot; one that drops it is refused.
        given().auth().oauth2(admin("admin.fb.propia@ine.mx")).contentType(ContentType.JSON)
                .body(Map.of("basedOnVersion", 1, "figures", FACEBOOK_FIGURES)).post("/api/submissions/" + id + "/versions")
                .then().statusCode(201).body("versions[1].evidence[0].sha256", equalTo(sha256(png)));
        given().auth().oauth2(admin("admin.fb.propia@ine.mx")).contentType(ContentType.JSON)
                .body(Map.of("basedOnVersion", 2, "figures", FACEBOOK_FIGURES, "evidence", List.of()))
                .post("/api/submissions/" + id + "/versions")
                .then().statusCode(422).body("errors[0].field", equalTo("evidence"));
    }
}
