package mx.ine.redes.submissions.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence is stored once per content, in chunks, durably in PostgreSQL, and streamed back intact. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EvidenceStoreTest {

    /** The default chunk size: 256 KiB. */
    private static final int CHUNK = 256 * 1024;

    @Inject
    EvidenceStore store;

    @Inject
    DataSource dataSource;

    @TempDir
    Path directory;

    @Test
    void shouldRefuseAFileOverTenMegabytesWith413NamingItsField() throws IOException {
        Path large = directory.resolve("grande.png");
        try (OutputStream out = Files.newOutputStream(large)) {
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < 11; i++) {
                out.write(block);
            }
        }

        ProblemException refusal = catchThrowableOfType(ProblemException.class,
                () -> store.store(large, "grande.png", "evidence[0]"));

        assertThat(refusal.status()).isEqualTo(413);
        assertThat(refusal.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("evidence[0]");
            assertThat(violation.message().es()).isEqualTo(
                    "El archivo «grande.png» pesa 11534336 bytes; el máximo por archivo es de 10485760 bytes (10 MB).");
            assertThat(violation.message().en()).isEqualTo(
                    "The file «grande.png» weighs 11534336 bytes; the maximum per file is 10485760 bytes (10 MB).");
        });
        assertThat(contentRows(sha256(large))).isZero();
    }

    @Test
    void shouldStoreTheSameBytesOnceInChunksAndStreamThemBackIntact() throws Exception {
        Path png = randomPng(1024, 1024, 21);          // about 3 MB: random pixels do not compress
        long size = Files.size(png);
        assertThat(size).isBetween(3_000_000L, 3_300_000L);
        String expectedSha = sha256(png);

        StoredEvidence first = store.store(png, "C:\\capturas\\Alcance diciembre.PNG", "evidence[0]");
        Instant storedAt = store.find(expectedSha).orElseThrow().storedAt();
        StoredEvidence second = store.store(png, "otra copia.png", "evidence[1]");

        assertThat(first).isEqualTo(new StoredEvidence(expectedSha, "image/png", size, "Alcance diciembre.png"));
        assertThat(second.sha256()).isEqualTo(expectedSha);
        assertThat(second.safeFileName()).isEqualTo("otra copia.png");
        assertThat(contentRows(expectedSha)).isEqualTo(1);
        assertThat(chunkRows(expectedSha)).isEqualTo(Math.ceilDiv(size, CHUNK)).isEqualTo(13);
        assertThat(store.find(expectedSha)).hasValueSatisfying(content -> {
            assertThat(content.contentType()).isEqualTo("image/png");
            assertThat(content.sizeBytes()).isEqualTo(size);
            assertThat(content.storedAt()).isEqualTo(storedAt);
        });

        MessageDigest streamed = MessageDigest.getInstance("SHA-256");
        CountingOutput counted = new CountingOutput();
        try (DigestOutputStream out = new DigestOutputStream(counted, streamed)) {
            store.stream(expectedSha).write(out);
        }
        assertThat(counted.count).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(streamed.digest())).isEqualTo(expectedSha);
    }

    @Test
    void shouldStoreTheSameNewBytesOnceWhenTwoUploadsRace() throws Exception {
        Path png = randomPng(400, 400, 37);
        String expectedSha = sha256(png);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<StoredEvidence>> stores = List.of(
                    threads.submit(() -> {
                        start.await();
                        return store.store(png, "a.png", "evidence[0]");
                    }),
                    threads.submit(() -> {
                        start.await();
                        return store.store(png, "b.png", "evidence[0]");
                    }));
            start.countDown();

            for (Future<StoredEvidence> stored : stores) {
                assertThat(stored.get(30, TimeUnit.SECONDS).sha256()).isEqualTo(expectedSha);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(contentRows(expectedSha)).isEqualTo(1);
        assertThat(chunkRows(expectedSha)).isEqualTo(Math.ceilDiv(Files.size(png), CHUNK));
    }

    @Test
    void shouldKeepNothingWhenTheCallersTransactionRollsBack() throws IOException {
        Path png = randomPng(200, 200, 41);
        String expectedSha = sha256(png);

        Throwable failure = catchThrowableOfType(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            store.store(png, "captura.png", "evidence[0]");
            throw new IllegalStateException("the submission citing it failed");
        }));

        assertThat(failure).hasMessage("the submission citing it failed");
        assertThat(contentRows(expectedSha)).isZero();
        assertThat(chunkRows(expectedSha)).isZero();
    }

    @Test
    void shouldStoreEveryFileOfASubmissionOnceAnsweringInTheGivenOrder() throws IOException {
        Path first = randomPng(120, 90, 51);
        Path second = randomPng(90, 120, 52);
        Path oficio = directory.resolve("oficio.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(oficio.toFile());
        }

        List<StoredEvidence> stored = store.storeAll(List.of(
                new EvidenceUpload(first, "uno.png", "evidence[0]"),
                new EvidenceUpload(second, "dos.png", "evidence[1]"),
                new EvidenceUpload(first, "uno otra vez.png", "evidence[2]"),
                new EvidenceUpload(oficio, "oficio.pdf", "evidence[3]")), "evidence");

        assertThat(stored).extracting(StoredEvidence::sha256)
                .containsExactly(sha256(first), sha256(second), sha256(first), sha256(oficio));
        assertThat(stored).extracting(StoredEvidence::contentType)
                .containsExactly("image/png", "image/png", "image/png", "application/pdf");
        assertThat(stored).extracting(StoredEvidence::safeFileName)
                .containsExactly("uno.png", "dos.png", "uno otra vez.png", "oficio.pdf");
        assertThat(List.of(contentRows(sha256(first)), contentRows(sha256(second)), contentRows(sha256(oficio))))
                .containsExactly(1L, 1L, 1L);
    }

    @Test
    void shouldStoreNothingOfASubmissionWhenAnyOfItsFilesIsRefusedNamingEach() throws IOException {
        Path good = randomPng(100, 100, 61);
        byte[] notPdf = new byte[3000];
        new Random(62).nextBytes(notPdf);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, notPdf, 0, 9);
        Path fake = Files.write(directory.resolve("falso.pdf"), notPdf);
        byte[] elf = new byte[400];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F'}, 0, elf, 0, 4);
        Path program = Files.write(directory.resolve("programa.png"), elf);

        ProblemException refusal = catchThrowableOfType(ProblemException.class, () -> store.storeAll(List.of(
                new EvidenceUpload(good, "captura.png", "evidence[0]"),
                new EvidenceUpload(fake, "oficio.pdf", "evidence[1]"),
                new EvidenceUpload(program, "captura2.png", "evidence[2]")), "evidence"));

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.detail().es()).isEqualTo("2 archivos de evidencia no se aceptan; cada uno se indica con su motivo.");
        assertThat(refusal.violations()).extracting(Violation::field).containsExactly("evidence[1]", "evidence[2]");
        assertThat(contentRows(sha256(good))).isZero();
    }

    @Test
    void shouldStoreNothingForAFileThatIsNotEvidence() throws IOException {
        byte[] garbage = new byte[5000];
        new Random(5).nextBytes(garbage);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, garbage, 0, 9);
        Path fake = Files.write(directory.resolve("oficio.pdf"), garbage);

        ProblemException refusal = catchThrowableOfType(ProblemException.class,
                () -> store.store(fake, "oficio.pdf", "evidence[3]"));

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.violations()).extracting(Violation::field).containsExactly("evidence[3]");
        assertThat(contentRows(sha256(fake))).isZero();
    }

    @Test
    void shouldFindNothingUnderAnUnknownOrMalformedHash() {
        assertThat(store.find("0".repeat(64))).isEmpty();
        assertThat(store.find("' or 1=1 --")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void shouldRefuseMoreFilesThanASubmissionMayCarry() {
        store.checkFileCount(20, "evidence");

        ProblemException refusal = catchThrowableOfType(ProblemException.class,
                () -> store.checkFileCount(21, "evidence"));

        assertThat(refusal.status()).isEqualTo(413);
        assertThat(refusal.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("evidence");
            assertThat(violation.message().es())
                    .isEqualTo("Se enviaron 21 archivos de evidencia; el máximo por envío es de 20.");
        });
    }

    // --- helpers -----------------------------------------------------------------------------------

    private Path randomPng(int width, int height, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed ^ System.nanoTime());   // new bytes on every run: the database is kept
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Path file = Files.createTempFile(directory, "captura", ".png");
        assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
        return file;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long contentRows(String sha256) {
        return count("select count(*) from evidence_content where sha256 = ?", sha256);
    }

    private long chunkRows(String sha256) {
        return count("select count(*) from evidence_chunk where sha256 = ?", sha256);
    }

    private long count(String sql, String sha256) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, sha256);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingOutput extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
