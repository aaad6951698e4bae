package mx.ine.redes.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The registry's view of one account as consumers need it: where it is, who runs it and who
 * answers for it. Carried whole by {@link AccountRegistered} and {@link AccountUpdated}, so that a
 * consumer's projection never has to ask the accounts-service. {@code ancestors} are the areas above
 * the owning area, its parent first and the root last (empty for a root area): an area head sees
 * the accounts of every area below theirs, and an area without a head escalates to the next one up.
 * {@code liaisonName}/{@code liaisonEmail} are the owning area's person in charge of the topic
 * ("encargado del tema", Art. 9), copied on the notices to the account's administrators.
 */
public record AccountSnapshot(
        UUID accountId,
        String network,
        String handle,
        String url,
        String displayName,
        String kind,
        String status,
        String areaCode,
        String areaName,
        String areaLevel,
        Integer state,
        Integer district,
        String headName,
        String headEmail,
        List<String> administratorEmails,
        LocalDate registeredOn,
        LocalDate lastPublicationOn,
        List<AreaLink> ancestors,
        String liaisonName,
        String liaisonEmail) {

    public AccountSnapshot {
        administratorEmails = administratorEmails == null ? List.of() : List.copyOf(administratorEmails);
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
    }

    public AccountSnapshot(UUID accountId, String network, String handle, String url, String displayName, String kind,
                           String status, String areaCode, String areaName, String areaLevel, Integer state, Integer district,
                           String headName, String headEmail, List<String> administratorEmails, LocalDate registeredOn,
                           LocalDate lastPublicationOn, List<AreaLink> ancestors) {
        this(accountId, network, handle, url, displayName, kind, status, areaCode, areaName, areaLevel, state, district,
                headName, headEmail, administratorEmails, registeredOn, lastPublicationOn, ancestors, null, null);
    }

    /** The codes of the owning area and every area above it, the owning area first. */
    public List<String> areaPath() {
        List<String> path = new java.util.ArrayList<>(ancestors.size() + 1);
        path.add(areaCode);
        ancestors.forEach(link -> path.add(link.code()));
        return List.copyOf(path);
    }
}
