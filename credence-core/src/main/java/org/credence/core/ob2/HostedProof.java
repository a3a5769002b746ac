package org.credence.core.ob2;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;

/**
 * The PROOF of a hosted OB 2.0 assertion (OB 2.0 §HostedBadge Verification): the issuer's server
 * answers its id with the assertion, and the copy presented is that assertion. Stateless.
 */
final class HostedProof {

    static final String HOSTED_MISMATCH = "HOSTED_MISMATCH";
    static final String HOSTED_ID_NOT_URL = "HOSTED_ID_NOT_URL";

    private HostedProof() {}

    /**
     * @param presented the assertion as presented; empty when only its URL was given
     * @param id the URL it was fetched from
     * @param hosted what that URL answered
     */
    static Check check(Optional<JsonObject> presented, String id, Resolved hosted) {
        if (!Fetches.isHttp(id)) {
            return Check.failed(
                    CheckName.PROOF,
                    HOSTED_ID_NOT_URL,
                    "A hosted assertion's id must be the http(s) URL it is hosted at, not " + id);
        }
        if (!hosted.isFound()) {
            String code = hosted.code();
            return code.equals(Fetches.ID_MISMATCH)
                    ? Check.failed(CheckName.PROOF, code, hosted.message())
                    : Check.couldNotCheck(CheckName.PROOF, code, hosted.message());
        }
        if (presented.isEmpty()) {
            return Check.passed(CheckName.PROOF, "Fetched from its issuer's host at " + id);
        }
        if (presented.get().equals(hosted.get())) {
            return Check.passed(CheckName.PROOF, "The issuer hosts this exact assertion at " + id);
        }
        if (AssertionChecks.isRevoked(hosted.get())) {
            return Check.warning(
                    CheckName.PROOF,
                    "HOSTED_REVOKED",
                    "The issuer hosts only a revocation record at " + id + " to compare with");
        }
        return Check.failed(
                CheckName.PROOF,
                HOSTED_MISMATCH,
                "The assertion differs from the one its issuer hosts at "
                        + id
                        + " (in "
                        + String.join(", ", differences(presented.get(), hosted.get()))
                        + ")");
    }

    private static Set<String> differences(JsonObject presented, JsonObject hosted) {
        Set<String> keys = new TreeSet<>(presented.keySet());
        keys.addAll(hosted.keySet());
        keys.removeIf(key -> Objects.equals(presented.get(key), hosted.get(key)));
        return keys;
    }
}
