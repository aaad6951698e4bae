package mx.ine.redes.submissions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.events.CycleIds;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.submissions.KnownObservation;
import mx.ine.redes.submissions.RequestEvidence;
import mx.ine.redes.submissions.StatisticsRequest;
import mx.ine.redes.submissions.Submission;
import mx.ine.redes.submissions.SubmissionVersion;
import mx.ine.redes.submissions.SubmittingAccount;
import mx.ine.redes.submissions.form.DeclaredContent;
import mx.ine.redes.submissions.form.Form;
import mx.ine.redes.submissions.form.FormValidator;
import mx.ine.redes.submissions.form.Forms;
import mx.ine.redes.submissions.rest.CorrectionDraft;
import mx.ine.redes.submissions.rest.OnBehalf;
import mx.ine.redes.submissions.rest.SubmissionDraft;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;

/**
 * The one command path of submissions: a first submission for a request, and each correction as a
 * new version. Each runs in one transaction under the lock of the request (first submission) or of
 * the submission (correction), and writes its {@code SubmissionReceived} to the outbox in it: the
 * version and its event commit together. Checks go from who asks (404, 403) to what the request
 * allows (409) to what is declared (400, 422); nothing is stored on any refusal.
 */
@ApplicationScoped
@Transactional
public class SubmissionIntake {

    /** Who entered a version and the instant of receipt that counts for its deadline. */
    record Author(String email, boolean onBehalf, String channel, String documentReference, Instant receivedAt) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    @Inject
    SubmissionVisibility visibility;

    @Inject
    InstituteTime time;

    /**
     * What an intake wrote, whole: the 201 answer is built from it rather than read back (seven
     * queries fewer per submission; see BENCHMARK.md).
     */
    public record Taken(SubmissionQueries.SubmissionView view, List<SubmissionVersion> versions) {

        public Submission submission() {
            return view.submission();
        }
    }

    public Taken submit(SubmissionDraft draft) {
        StatisticsRequest request = entityManager.find(StatisticsRequest.class, draft.requestId(), LockModeType.PESSIMISTIC_WRITE);
        SubmittingAccount account = request == null ? null : entityManager.find(SubmittingAccount.class, request.accountId);
        Author author = authorize(request, account, draft.enteredOnBehalf());
        ensureTakesSubmissions(request, account);
        if (author.receivedAt().isBefore(request.windowOpensAt)) {
            throw ProblemException.conflict(Text.of("La ventana de entrega de este requerimiento abre el "
                    + time.said(request.windowOpensAt).es() + "; antes no se recibe la entrega.",
                    "This request's submission window opens on " + time.said(request.windowOpensAt).en()
                            + "; no submission is taken before."));
        }
        Optional<Submission> existing = entityManager.createQuery("from Submission where requestId = :request", Submission.class)
                .setParameter("request", request.requestId).setMaxResults(1).getResultList().stream().findFirst();
        if (existing.isPresent()) {
            throw ProblemException.conflict(Text.of("Ya existe la entrega " + existing.get().id + " para este requerimiento (versión "
                    + existing.get().currentVersion + "); una corrección es una nueva versión: POST /api/submissions/"
                    + existing.get().id + "/versions.", "Submission " + existing.get().id + " already exists for this request (version "
                    + existing.get().currentVersion + "); a correction is a new version: POST /api/submissions/"
                    + existing.get().id + "/versions."), List.of(Violation.field("requestId", Text.of(
                    "Ya tiene la entrega " + existing.get().id + ".", "Already has submission " + existing.get().id + "."))));
        }
        Form form = formOf(request, account);
        List<SubmissionReceived.EvidenceFile> evidence = citedEvidence(request, draft.evidence(), List.of());
        DeclaredContent content = FormValidator.validate(form, draft.figures(), draft.audience(), draft.campaigns(),
                draft.lastPublicationOn(), count(evidence), time.date(author.receivedAt()));

        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.requestId = request.requestId;
        submission.accountId = request.accountId;
        submission.cycleId = request.cycleId;
        submission.network = account.network;
        submission.currentVersion = 1;
        submission.firstReceivedAt = author.receivedAt();
        submission.lastReceivedAt = author.receivedAt();
        submission.late = author.receivedAt().isAfter(request.dueAt);
        SubmissionVersion version = version(submission, request, content, evidence, null, author);
        submission.hasWarnings = !version.warnings.isEmpty();
        entityManager.persist(submission);
        entityManager.persist(version);
        events.publish(received(submission, request, version));
        return new Taken(new SubmissionQueries.SubmissionView(submission, account, request, version), List.of(version));
    }

    public Taken correct(UUID submissionId, CorrectionDraft draft) {
        Submission submission = entityManager.find(Submission.class, submissionId, LockModeType.PESSIMISTIC_WRITE);
        SubmittingAccount account = submission == null ? null : entityManager.find(SubmittingAccount.class, submission.accountId);
        if (account == null || !visibility.canRead(account)) {
            throw notFound();
        }
        StatisticsRequest request = entityManager.find(StatisticsRequest.class, submission.requestId);
        Author author = authorize(request, account, draft.enteredOnBehalf());
        ensureTakesSubmissions(request, account);
        if (draft.basedOnVersion() != submission.currentVersion) {
            throw ProblemException.conflict(Text.of("La entrega ya va en la versión " + submission.currentVersion
                    + " y esta corrección parte de la versión " + draft.basedOnVersion() + ": otra corrección llegó antes. "
                    + "Revise la versión " + submission.currentVersion + " y corrija sobre ella.",
                    "The submission is at version " + submission.currentVersion + " and this correction starts from version "
                            + draft.basedOnVersion() + ": another correction came first. Review version "
                            + submission.currentVersion + " and correct it."),
                    List.of(Violation.field("basedOnVersion", Text.of("La versión vigente es " + submission.currentVersion + ".",
                            "The current version is " + submission.currentVersion + "."))));
        }
        if (draft.answersObservationId() != null) {
            KnownObservation observation = entityManager.find(KnownObservation.class, draft.answersObservationId());
            if (observation == null || !observation.accountId.equals(submission.accountId)) {
                throw ProblemException.unprocessable(Text.of("La corrección dice atender una observación que no es de esta cuenta.",
                        "The correction says it answers an observation that is not this account's."), List.of(Violation.field(
                        "answersObservationId", Text.of("No es una observación emitida a esta cuenta.",
                                "Is not an observation issued to this account."))));
            }
        }
        SubmissionVersion previous = entityManager.find(SubmissionVersion.class,
                new SubmissionVersion.Key(submission.id, submission.currentVersion));
        Form form = formOf(request, account);
        List<SubmissionReceived.EvidenceFile> evidence = draft.evidence() == null ? previous.evidence
                : citedEvidence(request, draft.evidence(), previous.evidence);
        DeclaredContent content = FormValidator.validate(form, draft.figures(), draft.audience(), draft.campaigns(),
                draft.lastPublicationOn(), count(evidence), time.date(author.receivedAt()));

        List<SubmissionVersion> versions = new ArrayList<>(entityManager.createQuery(
                        "from SubmissionVersion where submissionId = :id order by version", SubmissionVersion.class)
                .setParameter("id", submission.id).getResultList());
        submission.currentVersion++;
        submission.lastReceivedAt = author.receivedAt();
        SubmissionVersion version = version(submission, request, content, evidence, draft.answersObservationId(), author);
        submission.hasWarnings = !version.warnings.isEmpty();
        entityManager.persist(version);
        events.publish(received(submission, request, version));
        versions.add(version);
        return new Taken(new SubmissionQueries.SubmissionView(submission, account, request, version), versions);
    }

    // --- who asks -------------------------------------------------------------------------------

    private Author authorize(StatisticsRequest request, SubmittingAccount account, OnBehalf onBehalf) {
        if (request == null || account == null || !visibility.canRead(account)) {
            throw notFound();
        }
        Instant now = clock.instant();
        if (onBehalf != null) {
            if (!visibility.entersOnBehalf()) {
                throw ProblemException.invalid("enteredOnBehalf", Text.of(
                        "Sólo Comunicación Social registra una entrega a nombre del administrador (Art. 9).",
                        "Only CNCS enters a submission on the administrator's behalf (Art. 9)."));
            }
            Instant receivedAt = onBehalf.receivedAt() == null ? now : onBehalf.receivedAt();
            if (receivedAt.isAfter(now)) {
                throw ProblemException.invalid("enteredOnBehalf.receivedAt", Text.of(
                        "La recepción del documento no puede ser futura.", "The document's receipt cannot be in the future."));
            }
            return new Author(visibility.email(), true, onBehalf.channel().name(), onBehalf.documentReference().strip(), receivedAt);
        }
        if (visibility.administers(account)) {
            return new Author(visibility.email(), false, null, null, now);
        }
        if (visibility.entersOnBehalf()) {
            throw ProblemException.invalid("enteredOnBehalf", Text.of(
                    "Comunicación Social no administra la cuenta: para registrar la entrega a nombre del administrador "
                            + "indique el medio y el documento (enteredOnBehalf).",
                    "CNCS does not administer the account: to enter the submission on the administrator's behalf give "
                            + "the channel and the document (enteredOnBehalf)."));
        }
        throw new ProblemException(403, Text.of("Sólo los administradores de la cuenta, o Comunicación Social a su nombre, "
                + "entregan sus estadísticas.", "Only the account's administrators, or CNCS on their behalf, submit its statistics."),
                List.of());
    }

    void ensureTakesSubmissions(StatisticsRequest request, SubmittingAccount account) {
        if (!account.isActive()) {
            throw ProblemException.conflict(Text.of("La cuenta @" + account.handle + " fue dada de baja; ya no se reciben entregas para ella.",
                    "Account @" + account.handle + " was decommissioned; no more submissions are taken for it."));
        }
        switch (request.status) {
            case WITHDRAWN -> throw ProblemException.conflict(Text.of("El requerimiento fue retirado: " + request.statusReason,
                    "The request was withdrawn: " + request.statusReason));
            case CLOSED -> throw ProblemException.conflict(Text.of("El requerimiento está cerrado: " + request.statusReason,
                    "The request is closed: " + request.statusReason));
            case OPEN -> {
                // takes submissions
            }
        }
    }

    // --- what is declared -----------------------------------------------------------------------

    static Form formOf(StatisticsRequest request, SubmittingAccount account) {
        return request.kind == StatisticsRequest.Kind.AD_HOC ? Forms.adHoc(request.requestedFields) : Forms.forNetwork(account.network);
    }

    /** The files a version cites: uploaded for this request, or already cited by an earlier version. */
    private List<SubmissionReceived.EvidenceFile> citedEvidence(StatisticsRequest request, List<String> cited,
                                                               List<SubmissionReceived.EvidenceFile> earlier) {
        if (cited == null || cited.isEmpty()) {
            return List.of();
        }
        Map<String, SubmissionReceived.EvidenceFile> available = new HashMap<>();
        earlier.forEach(file -> available.put(file.sha256(), file));
        entityManager.createQuery("from RequestEvidence where requestId = :request and sha256 in :cited", RequestEvidence.class)
                .setParameter("request", request.requestId)
                .setParameter("cited", cited)
                .getResultList()
                .forEach(file -> available.put(file.sha256, new SubmissionReceived.EvidenceFile(file.sha256, file.contentType,
                        file.sizeBytes, file.fileName)));
        List<Violation> refused = new ArrayList<>();
        List<SubmissionReceived.EvidenceFile> files = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < cited.size(); i++) {
            String sha = cited.get(i);
            Integer first = seen.putIfAbsent(sha, i);
            if (first != null) {
                refused.add(Violation.field("evidence[" + i + "]", Text.of("Archivo repetido: ya figura en evidence[" + first + "].",
                        "Repeated file: already at evidence[" + first + "].")));
            } else if (!available.containsKey(sha)) {
                refused.add(Violation.field("evidence[" + i + "]", Text.of(
                        "No se ha subido ese archivo para este requerimiento (POST /api/requests/" + request.requestId + "/evidence).",
                        "That file was not uploaded for this request (POST /api/requests/" + request.requestId + "/evidence).")));
            } else {
                files.add(available.get(sha));
            }
        }
        if (!refused.isEmpty()) {
            throw ProblemException.unprocessable(Text.of("Hay evidencia citada que no se puede usar; no se guardó nada.",
                    "Some cited evidence cannot be used; nothing was stored."), refused);
        }
        return files;
    }

    private static FormValidator.EvidenceCount count(List<SubmissionReceived.EvidenceFile> evidence) {
        int images = (int) evidence.stream().filter(file -> file.contentType().startsWith("image/")).count();
        return new FormValidator.EvidenceCount(evidence.size(), images);
    }

    private SubmissionVersion version(Submission submission, StatisticsRequest request, DeclaredContent content,
                                      List<SubmissionReceived.EvidenceFile> evidence, UUID answersObservation, Author author) {
        SubmissionVersion version = new SubmissionVersion();
        version.submissionId = submission.id;
        version.version = submission.currentVersion;
        version.receivedAt = author.receivedAt();
        version.enteredAt = clock.instant();
        version.dueAt = request.dueAt;
        version.late = author.receivedAt().isAfter(request.dueAt);
        version.figures = new java.util.LinkedHashMap<>(content.figures());
        version.audience = content.audience();
        version.campaigns = new ArrayList<>(content.campaigns());
        version.lastPublicationOn = content.lastPublicationOn();
        version.warnings = new ArrayList<>(SubmissionWarnings.of(content.figures(),
                request.kind == StatisticsRequest.Kind.CYCLE ? previousCycleFollowers(submission.accountId, request.cycleId)
                        : Optional.empty()));
        version.answersObservationId = answersObservation;
        version.evidence = new ArrayList<>(evidence);
        version.enteredBy = author.email();
        version.onBehalf = author.onBehalf();
        version.channel = author.channel();
        version.documentReference = author.documentReference();
        return version;
    }

    /** The followers the account reported in the cycle before this one (its current version), if it submitted. */
    private Optional<Long> previousCycleFollowers(UUID accountId, String cycleId) {
        Optional<String> previous = CycleIds.previous(cycleId);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        return entityManager.createQuery("""
                        select v from Submission s, SubmissionVersion v
                        where v.submissionId = s.id and v.version = s.currentVersion
                        and s.accountId = :account and s.cycleId = :cycle""", SubmissionVersion.class)
                .setParameter("account", accountId)
                .setParameter("cycle", previous.get())
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .flatMap(version -> SubmissionWarnings.followers(version.figures));
    }

    private SubmissionReceived received(Submission submission, StatisticsRequest request, SubmissionVersion version) {
        return new SubmissionReceived(submission.id, request.requestId, submission.accountId, request.cycleId, request.kind.name(),
                submission.network, version.version, version.receivedAt, version.dueAt, version.late, version.figures,
                version.audience, version.campaigns, version.lastPublicationOn,
                version.warnings.stream().map(w -> new SubmissionReceived.SubmissionWarning(w.code(), w.fields(), w.es())).toList(),
                version.answersObservationId, version.evidence.size(), version.evidence,
                new SubmissionReceived.EnteredBy(version.enteredBy, version.onBehalf, version.channel, version.documentReference));
    }

    static ProblemException notFound() {
        return ProblemException.notFound(Text.of("No existe el requerimiento o la entrega, o no es de una cuenta que usted administre.",
                "The request or submission does not exist, or is not of an account you administer."));
    }
}
