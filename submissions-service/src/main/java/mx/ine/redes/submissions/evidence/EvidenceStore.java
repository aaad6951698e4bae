package mx.ine.redes.submissions.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;

/**
 * The evidence files of submissions, kept in this service's PostgreSQL database (tables
 * {@code evidence_content} and {@code evidence_chunk}, V4): each distinct content once, keyed by its
 * SHA-256, its bytes in chunks so that neither an upload nor a download is ever whole in memory.
 * Plain JDBC: the bytes go from a bounded buffer to the driver and back, never through an entity.
 */
@ApplicationScoped
public class EvidenceStore {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    @Inject
    DataSource dataSource;

    @Inject
    EvidenceConfig config;

    @Inject
    Clock clock;

    /**
     * Inspects the uploaded file and stores its content unless the same bytes are stored already.
     * Joins the caller's transaction: if the submission citing it is rolled back, so is the content.
     * Two transactions storing the same new bytes at once both succeed; the second waits for the
     * first and stores nothing. (For the several files of one submission use {@link #storeAll}.)
     *
     * @param file      the uploaded file on disk (RESTEasy Reactive's temporary file)
     * @param givenName the file name the client gave (used only for the download name and messages)
     * @param field     the upload's name in the request, named by a refusal (e.g. {@code evidence[2]})
     * @throws ProblemException 413 when the file is larger than {@code submissions.evidence.max-file-size},
     *                          422 when it is not a whole, readable PNG, JPEG or PDF
     */
    @Transactional
    public StoredEvidence store(Path file, String givenName, String field) {
        return storeAll(List.of(new EvidenceUpload(file, givenName, field)), field).get(0);
    }

    /**
     * Inspects every file of one submission, then stores each distinct content not stored yet, in
     * the order of their SHA-256: two submissions sharing new files in a different order then wait
     * for each other instead of deadlocking. Nothing is stored unless every file is accepted.
     *
     * @param uploads   the files, in the order of the request
     * @param listField the name of the list of files in the request, named when there are too many
     * @return what each file was stored as, in the order given
     * @throws ProblemException 413 when there are more files than {@code max-files-per-submission}
     *                          or every refused file is too large (each one named); 422 naming every
     *                          refused file otherwise
     */
    @Transactional
    public List<StoredEvidence> storeAll(List<EvidenceUpload> uploads, String listField) {
        checkFileCount(uploads.size(), listField);
        EvidenceInspector inspector = new EvidenceInspector(config.maxPixels());
        List<Inspected> inspected = new ArrayList<>(uploads.size());
        List<ProblemException> refusals = new ArrayList<>();
        for (EvidenceUpload upload : uploads) {
            try {
                long size = Files.size(upload.file());
                refuseLargerThanAllowed(size, upload.givenName(), upload.field());
                EvidenceType type = inspector.inspect(upload.file(), upload.givenName(), upload.field());
                inspected.add(new Inspected(upload, type, size, sha256(upload.file())));
            } catch (ProblemException refusal) {
                refusals.add(refusal);
            } catch (IOException e) {
                throw new UncheckedIOException("Evidence file " + upload.file() + " could not be read", e);
            }
        }
        if (!refusals.isEmpty()) {
            throw refusedAll(refusals);
        }
        int chunkSize = chunkSize();
        Map<String, Inspected> distinct = new TreeMap<>();
        inspected.forEach(file -> distinct.putIfAbsent(file.sha256(), file));
        try (Connection connection = dataSource.getConnection()) {
            for (Inspected file : distinct.values()) {
                int chunks = (int) Math.ceilDiv(file.size(), chunkSize);
                if (claimContent(connection, file.sha256(), file.type(), file.size(), chunkSize, chunks)) {
                    writeChunks(connection, file.upload().file(), file.sha256(), chunkSize, file.size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Evidence could not be read", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Evidence could not be stored", e);
        }
        return inspected.stream()
                .map(file -> new StoredEvidence(file.sha256(), file.type().mediaType(), file.size(),
                        SafeFileName.of(file.upload().givenName(), file.type().mediaType())))
                .toList();
    }

    private record Inspected(EvidenceUpload upload, EvidenceType type, long size, String sha256) {
    }

    /** One refusal as it is, or one problem naming every refused file. */
    private static ProblemException refusedAll(List<ProblemException> refusals) {
        if (refusals.size() == 1) {
            return refusals.get(0);
        }
        boolean allTooLarge = refusals.stream().allMatch(refusal -> refusal.status() == 413);
        List<Violation> violations = refusals.stream().flatMap(refusal -> refusal.violations().stream()).toList();
        Text detail = Text.of(refusals.size() + " archivos de evidencia no se aceptan; cada uno se indica con su motivo.",
                refusals.size() + " evidence files are refused; each is named with its reason.");
        return new ProblemException(allTooLarge ? 413 : 422, detail, violations);
    }

    /**
     * Refuses more files than one submission may carry ({@code submissions.evidence.max-files-per-submission})
     * with a 413 naming {@code field}; to be called before any file is stored.
     */
    public void checkFileCount(int files, String field) {
        int max = config.maxFilesPerSubmission();
        if (files > max) {
            Text message = Text.of("Se enviaron " + files + " archivos de evidencia; el máximo por envío es de " + max + ".",
                    files + " evidence files were sent; the maximum per submission is " + max + ".");
            throw new ProblemException(413, message, List.of(Violation.field(field, message)));
        }
    }

    /** The largest evidence file accepted, in bytes. */
    public long maxFileSize() {
        return config.maxFileSize().asLongValue();
    }

    /** What is stored under this SHA-256 (lowercase hex); empty if nothing is, or if it is no SHA-256. */
    public Optional<EvidenceContent> find(String sha256) {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select content_type, size_bytes, stored_at from evidence_content where sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new EvidenceContent(sha256, row.getString(1), row.getLong(2),
                        row.getObject(3, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Evidence " + sha256 + " could not be read", e);
        }
    }

    /**
     * The bytes stored under this SHA-256, for a response body: written chunk by chunk, one query
     * per chunk, when the response is sent (outside the request's transaction). Check {@link #find} first (a missing content fails the
     * stream). The bytes are hashed on the way out; if they no longer match their SHA-256 the stream
     * fails rather than end as if complete.
     */
    public StreamingOutput stream(String sha256) {
        return output -> writeTo(sha256, output);
    }

    /**
     * Writes the bytes stored under this SHA-256 to {@code output}, one chunk at a time: each chunk
     * is read by its own query on a connection given back before the chunk is written, so a slow
     * client holds one chunk in memory and no database connection.
     */
    public void writeTo(String sha256, OutputStream output) throws IOException {
        MessageDigest digest = newDigest();
        int chunks = chunkCount(sha256);
        for (int seq = 0; seq < chunks; seq++) {
            byte[] chunk = chunk(sha256, seq);
            digest.update(chunk);
            output.write(chunk);
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw new IOException("Evidence " + sha256 + " no longer matches its SHA-256");
        }
        output.flush();
    }

    private int chunkCount(String sha256) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select chunk_count from evidence_content where sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IOException("No evidence stored under " + sha256);
                }
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IOException("Evidence " + sha256 + " could not be read", e);
        }
    }

    private byte[] chunk(String sha256, int seq) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select bytes from evidence_chunk where sha256 = ? and seq = ?")) {
            select.setString(1, sha256);
            select.setInt(2, seq);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IOException("Chunk " + seq + " of evidence " + sha256 + " is missing");
                }
                return row.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IOException("Chunk " + seq + " of evidence " + sha256 + " could not be read", e);
        }
    }

    private void refuseLargerThanAllowed(long size, String givenName, String field) {
        long max = maxFileSize();
        if (size > max) {
            String name = SafeFileName.forMessage(givenName);
            Text message = Text.of(
                    "El archivo «" + name + "» pesa " + size + " bytes; el máximo por archivo es de " + max + " bytes ("
                            + megabytes(max) + " MB).",
                    "The file «" + name + "» weighs " + size + " bytes; the maximum per file is " + max + " bytes ("
                            + megabytes(max) + " MB).");
            throw new ProblemException(413, message, List.of(Violation.field(field, message)));
        }
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(java.util.Locale.ROOT, "%.1f", mb);
    }

    /**
     * Inserts the content's row unless it exists. {@code on conflict do nothing} makes a concurrent
     * store of the same bytes wait for the first transaction and then insert nothing (or take over
     * if the first rolled back), so exactly one writes the chunks and neither fails.
     *
     * @return whether this transaction inserted it and must write the chunks
     */
    private boolean claimContent(Connection connection, String sha256, EvidenceType type, long size,
            int chunkSize, int chunks) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into evidence_content (sha256, content_type, size_bytes, chunk_size, chunk_count, stored_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (sha256) do nothing""")) {
            insert.setString(1, sha256);
            insert.setString(2, type.mediaType());
            insert.setLong(3, size);
            insert.setInt(4, chunkSize);
            insert.setInt(5, chunks);
            insert.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Copies the file into chunk rows through one buffer of one chunk, hashing again what is written:
     * if the file changed since it was inspected and hashed, nothing is kept.
     */
    private void writeChunks(Connection connection, Path file, String sha256, int chunkSize, long size)
            throws IOException, SQLException {
        MessageDigest digest = newDigest();
        byte[] chunk = new byte[chunkSize];
        long written = 0;
        try (InputStream in = Files.newInputStream(file);
                PreparedStatement insert = connection.prepareStatement(
                        "insert into evidence_chunk (sha256, seq, bytes) values (?, ?, ?)")) {
            insert.setString(1, sha256);
            int seq = 0;
            int n;
            while ((n = in.readNBytes(chunk, 0, chunkSize)) > 0) {
                digest.update(chunk, 0, n);
                insert.setInt(2, seq++);
                insert.setBinaryStream(3, new ByteArrayInputStream(chunk, 0, n), n);
                insert.executeUpdate();
                written += n;
            }
        }
        if (written != size || !HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw new IllegalStateException("Evidence file " + file + " changed while it was being stored");
        }
    }

    private int chunkSize() {
        long chunkSize = config.chunkSize().asLongValue();
        if (chunkSize < 1024 || chunkSize > 64L * 1024 * 1024) {
            throw new IllegalStateException("submissions.evidence.chunk-size must be between 1K and 64M, not " + chunkSize);
        }
        return (int) chunkSize;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
