package mx.ine.redes.submissions.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits of the evidence attached to submissions (domain.md §4: 10 MB each, 20 per submission).
 * The HTTP layer's multipart limit ({@code api.max-upload-size}) must allow the files of one
 * submission at these sizes.
 */
@ConfigMapping(prefix = "submissions.evidence")
public interface EvidenceConfig {

    /** Largest evidence file accepted; a larger one is answered 413 naming its field. */
    @WithDefault("10M")
    MemorySize maxFileSize();

    /** Most evidence files one submission (one version) may carry. */
    @WithDefault("20")
    int maxFilesPerSubmission();

    /**
     * Size of the pieces the bytes are stored and streamed in: what one upload or one download holds
     * in memory at a time. Kept with each stored file, so changing it affects only new files.
     */
    @WithDefault("256K")
    MemorySize chunkSize();

    /**
     * Largest image accepted, in pixels (width × height), checked from the header before any pixel
     * is decoded: a small file that claims a huge canvas (a decompression bomb) is refused unread.
     */
    @WithDefault("100000000")
    long maxPixels();
}
