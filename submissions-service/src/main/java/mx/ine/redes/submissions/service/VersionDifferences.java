package mx.ine.redes.submissions.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.submissions.SubmissionVersion;

/** What changed from one version to the next, field by field, so a reader sees what a correction corrected. */
public final class VersionDifferences {

    /** One change: the field's path, and its value before and after ({@code null}: not given). */
    public record Change(String field, JsonNode from, JsonNode to) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private VersionDifferences() {
    }

    public static List<Change> between(SubmissionVersion before, SubmissionVersion after) {
        List<Change> changes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(before.figures.keySet());
        names.addAll(after.figures.keySet());
        for (String name : new TreeSet<>(names)) {
            Long from = before.figures.get(name);
            Long to = after.figures.get(name);
            if (!Objects.equals(from, to)) {
                changes.add(new Change("figures." + name, number(from), number(to)));
            }
        }
        audience(changes, before.audience, after.audience);
        Map<String, Long> campaignsBefore = campaigns(before.campaigns);
        Map<String, Long> campaignsAfter = campaigns(after.campaigns);
        Set<String> hashtags = new TreeSet<>(campaignsBefore.keySet());
        hashtags.addAll(campaignsAfter.keySet());
        for (String hashtag : hashtags) {
            if (!Objects.equals(campaignsBefore.get(hashtag), campaignsAfter.get(hashtag))) {
                changes.add(new Change("campaigns." + hashtag, number(campaignsBefore.get(hashtag)), number(campaignsAfter.get(hashtag))));
            }
        }
        if (!Objects.equals(before.lastPublicationOn, after.lastPublicationOn)) {
            changes.add(new Change("lastPublicationOn", text(before.lastPublicationOn), text(after.lastPublicationOn)));
        }
        List<String> filesBefore = before.evidence.stream().map(SubmissionReceived.EvidenceFile::sha256).toList();
        List<String> filesAfter = after.evidence.stream().map(SubmissionReceived.EvidenceFile::sha256).toList();
        if (!filesBefore.equals(filesAfter)) {
            changes.add(new Change("evidence", strings(filesBefore), strings(filesAfter)));
        }
        return changes;
    }

    private static void audience(List<Change> changes, SubmissionReceived.Audience before, SubmissionReceived.Audience after) {
        SubmissionReceived.Audience empty = new SubmissionReceived.Audience(null, null, null);
        SubmissionReceived.Audience from = before == null ? empty : before;
        SubmissionReceived.Audience to = after == null ? empty : after;
        group(changes, "audience.gender", from.gender(), to.gender());
        group(changes, "audience.ageBands", from.ageBands(), to.ageBands());
        group(changes, "audience.countries", from.countries(), to.countries());
    }

    private static void group(List<Change> changes, String path, Map<String, java.math.BigDecimal> before,
                              Map<String, java.math.BigDecimal> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            java.math.BigDecimal from = before.get(key);
            java.math.BigDecimal to = after.get(key);
            boolean same = from == null ? to == null : to != null && from.compareTo(to) == 0;
            if (!same) {
                changes.add(new Change(path + "." + key, from == null ? null : JSON.numberNode(from),
                        to == null ? null : JSON.numberNode(to)));
            }
        }
    }

    private static Map<String, Long> campaigns(List<SubmissionReceived.CampaignPosts> campaigns) {
        Map<String, Long> byHashtag = new java.util.HashMap<>();
        campaigns.forEach(campaign -> byHashtag.put(campaign.hashtag(), campaign.posts()));
        return byHashtag;
    }

    private static JsonNode number(Long value) {
        return value == null ? null : JSON.numberNode(value);
    }

    private static JsonNode text(Object value) {
        return value == null ? null : JSON.textNode(value.toString());
    }

    private static JsonNode strings(List<String> values) {
        var array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
