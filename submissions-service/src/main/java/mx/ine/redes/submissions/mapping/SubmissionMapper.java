package mx.ine.redes.submissions.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mx.ine.redes.submissions.StatisticsRequest;
import mx.ine.redes.submissions.SubmissionVersion;
import mx.ine.redes.submissions.form.Form;
import mx.ine.redes.submissions.form.FormField;
import mx.ine.redes.submissions.form.Forms;
import mx.ine.redes.submissions.rest.FormSummary;
import mx.ine.redes.submissions.rest.RequestResponse;
import mx.ine.redes.submissions.rest.SubmissionResponse;
import mx.ine.redes.submissions.rest.SubmissionSummary;
import mx.ine.redes.submissions.service.InstituteTime;
import mx.ine.redes.submissions.service.SubmissionQueries.RequestView;
import mx.ine.redes.submissions.service.SubmissionQueries.SubmissionView;
import mx.ine.redes.submissions.service.VersionDifferences;

/** Entities and views to API records; the reader's language picks labels and warning texts. */
@ApplicationScoped
public class SubmissionMapper {

    @Inject
    Clock clock;

    @Inject
    InstituteTime time;

    public RequestResponse toResponse(RequestView view, Locale locale) {
        StatisticsRequest request = view.request();
        String network = view.account() == null ? null : view.account().network;
        Form form = request.kind == StatisticsRequest.Kind.AD_HOC ? Forms.adHoc(request.requestedFields)
                : network == null ? null : Forms.forNetwork(network);
        Instant now = clock.instant();
        Duration left = Duration.between(now, request.dueAt);
        return new RequestResponse(request.requestId, request.accountId, network,
                view.account() == null ? null : view.account().handle,
                view.account() == null ? null : view.account().displayName,
                view.account() == null ? null : view.account().areaCode,
                request.cycleId, request.kind.name(), form == null ? null : form.id(),
                form == null ? List.of() : fields(form, locale), request.windowOpensAt, !now.isBefore(request.windowOpensAt),
                request.dueAt, time.local(request.dueAt), left.withNanos(0).toString(), left.getSeconds(),
                view.submission() == null && now.isAfter(request.dueAt), request.status.name(), request.statusReason,
                view.submission() == null ? null : view.submission().id,
                view.submission() == null ? null : view.submission().currentVersion);
    }

    public FormSummary toSummary(Form form, Locale locale, String schemaPath) {
        return new FormSummary(form.id(), english(locale) ? form.title().en() : form.title().es(), fields(form, locale), schemaPath);
    }

    public List<RequestResponse.RequestedField> fields(Form form, Locale locale) {
        return form.fields().stream().map(field -> field(field, locale)).toList();
    }

    public SubmissionSummary toSummary(SubmissionView view) {
        return new SubmissionSummary(view.submission().id, view.submission().requestId, view.submission().accountId,
                view.submission().network, view.account() == null ? null : view.account().handle,
                view.account() == null ? null : view.account().areaCode, view.submission().cycleId,
                view.request() == null ? null : view.request().kind.name(), view.submission().currentVersion,
                view.submission().firstReceivedAt, view.submission().lastReceivedAt, view.submission().late,
                view.current().warnings.stream().map(SubmissionVersion.StoredWarning::code).toList(), view.current().onBehalf);
    }

    public SubmissionResponse toResponse(SubmissionView view, List<SubmissionVersion> versions, Locale locale) {
        List<SubmissionResponse.Version> mapped = new ArrayList<>();
        SubmissionVersion previous = null;
        for (SubmissionVersion version : versions) {
            List<SubmissionResponse.Change> changes = previous == null ? List.of() : VersionDifferences.between(previous, version)
                    .stream().map(change -> new SubmissionResponse.Change(change.field(), change.from(), change.to())).toList();
            mapped.add(new SubmissionResponse.Version(version.version, version.receivedAt, time.local(version.receivedAt),
                    version.enteredAt, version.dueAt, version.late, version.figures, version.audience, version.campaigns,
                    version.lastPublicationOn, version.warnings.stream().map(warning -> new SubmissionResponse.Warning(
                            warning.code(), warning.fields(), english(locale) ? warning.en() : warning.es())).toList(),
                    version.answersObservationId, version.evidence,
                    new SubmissionResponse.Author(version.enteredBy, version.onBehalf, version.channel, version.documentReference),
                    changes));
            previous = version;
        }
        return new SubmissionResponse(view.submission().id, view.submission().requestId, view.submission().accountId,
                view.submission().network, view.account() == null ? null : view.account().handle,
                view.account() == null ? null : view.account().areaCode, view.submission().cycleId,
                view.request() == null ? null : view.request().kind.name(), view.submission().currentVersion,
                view.submission().firstReceivedAt, view.submission().late, mapped);
    }

    private static RequestResponse.RequestedField field(FormField field, Locale locale) {
        return new RequestResponse.RequestedField(field.name(), field.letter(), field.required(),
                english(locale) ? field.title().en() : field.title().es());
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
