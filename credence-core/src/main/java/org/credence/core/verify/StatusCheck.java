package org.credence.core.verify;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.ResolutionException;
import org.credence.core.json.JsonValues;
import org.credence.core.status.PublishedStatusList;
import org.credence.core.status.StatusListCredentials;
import org.credence.core.status.StatusListEntry;
import org.credence.core.status.StatusListError;
import org.credence.core.status.StatusListException;
import org.credence.core.status.StatusPurpose;

/**
 * Revocation and suspension through Bitstring Status Lists. A list that cannot be fetched, or whose
 * own proof does not verify, makes the check "could not check", never "not revoked".
 */
final class StatusCheck {

    static final String REVOKED = "REVOKED";
    static final String SUSPENDED = "SUSPENDED";
    static final String UNAVAILABLE = "STATUS_LIST_UNAVAILABLE";
    static final String UNTRUSTED = "STATUS_LIST_NOT_VERIFIED";
    static final String UNSUPPORTED = "STATUS_TYPE_UNSUPPORTED";
    static final String MALFORMED = "STATUS_MALFORMED";

    private final DocumentFetcher fetcher;
    private final Function<JsonObject, VerificationReport> listVerifier;

    /**
     * @param fetcher fetches status list credentials by URL
     * @param listVerifier verifies a status list credential (proof, dates), without its own status
     */
    StatusCheck(DocumentFetcher fetcher, Function<JsonObject, VerificationReport> listVerifier) {
        this.fetcher = fetcher;
        this.listVerifier = listVerifier;
    }

    Check check(JsonObject credential) {
        if (!credential.containsKey("credentialStatus")) {
            return Check.notApplicable(CheckName.STATUS, "The credential has no status entry");
        }
        List<StatusListEntry> entries;
        try {
            entries = StatusListEntry.from(credential);
        } catch (StatusListException e) {
            return e.error() == StatusListError.UNSUPPORTED_STATUS_TYPE
                    ? Check.couldNotCheck(
                            CheckName.STATUS,
                            UNSUPPORTED,
                            "Status could not be checked: " + e.getMessage())
                    : Check.failed(CheckName.STATUS, MALFORMED, e.getMessage());
        }
        List<String> passed = new ArrayList<>();
        for (StatusListEntry entry : entries) {
            Check one = checkEntry(credential, entry);
            if (one.status() != CheckStatus.PASSED) {
                return one;
            }
            passed.add(one.message());
        }
        return Check.passed(CheckName.STATUS, String.join("; ", passed));
    }

    private Check checkEntry(JsonObject credential, StatusListEntry entry) {
        String url = entry.statusListCredential().toString();
        JsonObject listCredential;
        try {
            listCredential = fetcher.fetch(entry.statusListCredential());
        } catch (ResolutionException e) {
            return Check.couldNotCheck(
                    CheckName.STATUS,
                    UNAVAILABLE,
                    "Could not fetch the status list " + url + ": " + e.getMessage());
        }
        VerificationReport listReport = listVerifier.apply(listCredential);
        if (!listReport.isVerified()) {
            return Check.couldNotCheck(
                    CheckName.STATUS,
                    UNTRUSTED,
                    "The status list "
                            + url
                            + " does not verify: "
                            + listReport.problems().stream()
                                    .findFirst()
                                    .map(Check::message)
                                    .orElse("unknown reason"));
        }
        String issuer = JsonValues.idOf(credential, "issuer").orElse("");
        String listIssuer = JsonValues.idOf(listCredential, "issuer").orElse("");
        if (!issuer.equals(listIssuer)) {
            return Check.couldNotCheck(
                    CheckName.STATUS,
                    UNTRUSTED,
                    "The status list " + url + " is issued by " + listIssuer + ", not " + issuer);
        }
        try {
            PublishedStatusList list = StatusListCredentials.read(listCredential);
            boolean set = list.statusOf(entry);
            if (set && entry.purpose() == StatusPurpose.REVOCATION) {
                return Check.failed(CheckName.STATUS, REVOKED, "Revoked by the issuer");
            }
            if (set && entry.purpose() == StatusPurpose.SUSPENSION) {
                return Check.failed(
                        CheckName.STATUS, SUSPENDED, "Suspended by the issuer (for now)");
            }
            return Check.passed(
                    CheckName.STATUS,
                    "Not "
                            + (entry.purpose() == StatusPurpose.SUSPENSION
                                    ? "suspended"
                                    : entry.purpose() == StatusPurpose.REVOCATION
                                            ? "revoked"
                                            : "flagged (" + entry.purpose().value() + ")")
                            + " (status list "
                            + url
                            + ", index "
                            + entry.index()
                            + ")");
        } catch (StatusListException e) {
            return Check.couldNotCheck(
                    CheckName.STATUS, MALFORMED, "The status list " + url + ": " + e.getMessage());
        }
    }
}
