package mx.ine.redes.submissions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.submissions.RequestEvidence;
import mx.ine.redes.submissions.StatisticsRequest;
import mx.ine.redes.submissions.Submission;
import mx.ine.redes.submissions.SubmissionVersion;
import mx.ine.redes.submissions.SubmittingAccount;
import mx.ine.redes.submissions.evidence.EvidenceStore;
import mx.ine.redes.submissions.evidence.EvidenceUpload;
import mx.ine.redes.submissions.evidence.StoredEvidence;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;

/**
 * Evidence files uploaded for a request, before the submission or correction that cites them by
 * SHA-256. Who may upload is who may submit (the account's administrators, or CNCS); the request
 * must still take submissions. The bytes go to {@link EvidenceStore} (once per content) in the same
 * transaction as the upload's record.
 */
@ApplicationScoped
@Transactional
public class EvidenceStaging {

    /** Files one request may hold uploaded: five submissions' worth, so corrections can replace files. */
    static final int MAX_FILES_PER_REQUEST = 100;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    EvidenceStore store;

    @Inject
    SubmissionVisibility visibility;

    @Inject
    SubmissionIntake intake;

    public List<RequestEvidence> upload(UUID requestId, List<EvidenceUpload> uploads) {
        StatisticsRequest request = entityManager.find(StatisticsRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        SubmittingAccount account = request == null ? null : entityManager.find(SubmittingAccount.class, request.accountId);
        if (request == null || account == null || !visibility.canRead(account.accountId)) {
            throw SubmissionIntake.notFound();
        }
        if (!visibility.administers(account) && !visibility.entersOnBehalf()) {
            throw new ProblemException(403, Text.of("Sólo los administradores de la cuenta, o Comunicación Social, suben su evidencia.",
                    "Only the account's administrators, or CNCS, upload its evidence."), List.of());
        }
        intake.ensureTakesSubmissions(request, account);
        if (uploads.isEmpty()) {
            throw ProblemException.invalid("file", Text.of("Envíe al menos un archivo en la parte «file».",
                    "Send at least one file in the part \"file\"."));
        }
        long held = entityManager.createQuery("select count(*) from RequestEvidence where requestId = :request", Long.class)
                .setParameter("request", requestId).getSingleResult();
        if (held + uploads.size() > MAX_FILES_PER_REQUEST) {
            throw new ProblemException(413, Text.of("El requerimiento ya tiene " + held + " archivos subidos; admite a lo más "
                    + MAX_FILES_PER_REQUEST + ".", "The request already holds " + held + " uploaded files; it takes at most "
                    + MAX_FILES_PER_REQUEST + "."), List.of(Violation.field("file", Text.of("Demasiados archivos.", "Too many files."))));
        }
        List<StoredEvidence> stored = store.storeAll(uploads, "file");
        Map<String, RequestEvidence> result = new LinkedHashMap<>();
        for (StoredEvidence file : stored) {
            RequestEvidence known = entityManager.find(RequestEvidence.class, key(requestId, file.sha256()));
            if (known == null && !result.containsKey(file.sha256())) {
                known = new RequestEvidence();
                known.requestId = requestId;
                known.sha256 = file.sha256();
                known.contentType = file.contentType();
                known.sizeBytes = file.sizeBytes();
                known.fileName = file.safeFileName();
                known.uploadedBy = visibility.email();
                known.uploadedAt = clock.instant();
                entityManager.persist(known);
            }
            result.putIfAbsent(file.sha256(), known != null ? known : result.get(file.sha256()));
        }
        return new ArrayList<>(result.values());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RequestEvidence> uploaded(UUID requestId, PageRequest paging) {
        StatisticsRequest request = entityManager.find(StatisticsRequest.class, requestId);
        if (request == null || !visibility.canRead(request.accountId)) {
            throw SubmissionIntake.notFound();
        }
        long total = entityManager.createQuery("select count(*) from RequestEvidence where requestId = :request", Long.class)
                .setParameter("request", requestId).getSingleResult();
        return paging.of(total, () -> entityManager.createQuery(
                        "from RequestEvidence where requestId = :request order by uploadedAt, sha256", RequestEvidence.class)
                .setParameter("request", requestId)
                .setFirstResult(paging.firstResult()).setMaxResults(paging.size()).getResultList());
    }

    /** Every file the versions of a submission cite, each once, in the order first cited. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubmissionReceived.EvidenceFile> cited(UUID submissionId) {
        Submission submission = entityManager.find(Submission.class, submissionId);
        if (submission == null || !visibility.canRead(submission.accountId)) {
            throw SubmissionIntake.notFound();
        }
        Map<String, SubmissionReceived.EvidenceFile> files = new LinkedHashMap<>();
        entityManager.createQuery("from SubmissionVersion where submissionId = :id order by version", SubmissionVersion.class)
                .setParameter("id", submissionId).getResultList()
                .forEach(version -> version.evidence.forEach(file -> files.putIfAbsent(file.sha256(), file)));
        return new ArrayList<>(files.values());
    }

    private static RequestEvidence.Key key(UUID requestId, String sha256) {
        RequestEvidence.Key key = new RequestEvidence.Key();
        key.requestId = requestId;
        key.sha256 = sha256;
        return key;
    }
}
