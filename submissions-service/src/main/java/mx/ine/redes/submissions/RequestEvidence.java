package mx.ine.redes.submissions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A file uploaded for a request, ready to be cited by a submission or a correction by its SHA-256. */
@Entity
@Table(name = "request_evidence")
@IdClass(RequestEvidence.Key.class)
public class RequestEvidence extends PanacheEntityBase {

    /** The identity: request and content. */
    public static class Key implements Serializable {
        public UUID requestId;
        public String sha256;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(key.requestId, requestId)
                    && java.util.Objects.equals(key.sha256, sha256);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(requestId, sha256);
        }
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    public String sha256;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
