package mx.ine.redes.submissions.form;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mx.ine.redes.events.SubmissionReceived;

/** What a version declares once it passed its form: counts by field name, breakdowns, last publication. */
public record DeclaredContent(
        Map<String, Long> figures,
        SubmissionReceived.Audience audience,
        List<SubmissionReceived.CampaignPosts> campaigns,
        LocalDate lastPublicationOn) {
}
