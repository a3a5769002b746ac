package org.credence.core.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.credence.core.json.Jsons;

/**
 * Creates new, unsigned CLR 2.0 learner records that bundle a learner's credentials intact.
 * Embedded credential objects must be Open Badges; their achievements are listed in the subject's
 * {@code achievement} summary (VC-JWT strings are bundled as given but not summarised, as reading
 * them is the verifier's job). Immutable and thread-safe ({@link SecureRandom} is).
 */
public final class ClrCredentialFactory {

    static final String CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param clock the time of {@code validFrom} when a request leaves it empty
     * @param random the source of the salts that hash learners' email addresses
     */
    public ClrCredentialFactory(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The learner record, checked with {@link ClrCredential#of} before it is returned. */
    public JsonObject unsigned(ClrRequest request) {
        JsonObjectBuilder credential =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add(
                                "@context",
                                Jsons.PROVIDER
                                        .createArrayBuilder()
                                        .add(Envelope.VC_V2_CONTEXT)
                                        .add(CLR_CONTEXT)
                                        .add(OpenBadgeCredentialFactory.OB_CONTEXT))
                        .add("id", request.id())
                        .add(
                                "type",
                                Jsons.PROVIDER
                                        .createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add(ClrCredential.TYPE))
                        .add("issuer", request.issuer().json())
                        .add(
                                "validFrom",
                                OpenBadgeCredentialFactory.timestamp(
                                        request.validFrom().orElseGet(clock::instant)));
        request.validUntil()
                .ifPresent(
                        until ->
                                credential.add(
                                        "validUntil", OpenBadgeCredentialFactory.timestamp(until)));
        credential.add("name", request.name()).add("credentialSubject", subject(request));
        return ClrCredential.of(credential.build()).json();
    }

    private JsonObjectBuilder subject(ClrRequest request) {
        JsonObjectBuilder subject = Jsons.PROVIDER.createObjectBuilder();
        request.recipient().id().ifPresent(id -> subject.add("id", id));
        subject.add("type", Jsons.PROVIDER.createArrayBuilder().add("ClrSubject"));
        RecipientJson.writeIdentifiers(request.recipient(), random, subject);
        subject.add(
                "verifiableCredential", Jsons.PROVIDER.createArrayBuilder(request.credentials()));
        Map<String, JsonObject> achievements = achievements(request);
        if (!achievements.isEmpty()) {
            subject.add("achievement", Jsons.PROVIDER.createArrayBuilder(achievements.values()));
        }
        if (!request.associations().isEmpty()) {
            subject.add(
                    "association",
                    OpenBadgeCredentialFactory.array(request.associations(), Association::json));
        }
        return subject;
    }

    /** The achievements of the embedded Open Badges by id, in order, each once. */
    private static Map<String, JsonObject> achievements(ClrRequest request) {
        Map<String, JsonObject> achievements = new LinkedHashMap<>();
        for (int i = 0; i < request.credentials().size(); i++) {
            if (request.credentials().get(i) instanceof JsonObject object) {
                Achievement achievement =
                        Fields.nested(
                                        "credentials[" + i + "]",
                                        () -> OpenBadgeCredential.of(object))
                                .achievement();
                achievements.putIfAbsent(achievement.id(), achievement.json());
            }
        }
        return achievements;
    }
}
