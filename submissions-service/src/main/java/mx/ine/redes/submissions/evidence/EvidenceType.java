package mx.ine.redes.submissions.evidence;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of evidence accepted, as recognised from a file's content (never from its name). */
public enum EvidenceType {
    PNG("image/png", "png", "PNG"),
    JPEG("image/jpeg", "jpg", "JPEG"),
    PDF("application/pdf", "pdf", "PDF");

    private final String mediaType;
    private final String extension;
    private final String label;

    EvidenceType(String mediaType, String extension, String label) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.label = label;
    }

    /** The {@code Content-Type} a download of this evidence is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The extension (without the dot) a download of this evidence is named with. */
    public String extension() {
        return extension;
    }

    /** How the kind is named to a person ("PNG", "JPEG", "PDF"). */
    public String label() {
        return label;
    }

    public static Optional<EvidenceType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }
}
