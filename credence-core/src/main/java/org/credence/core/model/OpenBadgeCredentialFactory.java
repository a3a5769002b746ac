package org.credence.core.model;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.credence.core.json.Jsons;

/**
 * Creates new, unsigned Open Badges 3.0 credentials (VC 2.0 envelope, OB 3.0.3 context). Signing is
 * someone else's job. Immutable and thread-safe ({@link SecureRandom} is).
 */
public final class OpenBadgeCredentialFactory {

    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private final Clock clock;
    private final SecureRandom random;

    /**
     * @param clock the time of {@code validFrom} when a request leaves it empty
     * @param random the source of the salts that hash recipients' email addresses
     */
    public OpenBadgeCredentialFactory(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The credential for a request, timestamps at second precision, checked with {@link
     * OpenBadgeCredential#of} before it is returned.
     */
    public JsonObject unsigned(CredentialRequest request) {
        Instant validFrom = request.validFrom().orElseGet(clock::instant);
        JsonObjectBuilder credential =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add(
                                "@context",
                                Jsons.PROVIDER
                                        .createArrayBuilder()
                                        .add(Envelope.VC_V2_CONTEXT)
                                        .add(OB_CONTEXT))
                        .add("id", request.id())
                        .add(
                                "type",
                                Jsons.PROVIDER
                                        .createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add(OpenBadgeCredential.TYPE))
                        .add("issuer", request.issuer().json())
                        .add("validFrom", timestamp(validFrom));
        request.validUntil().ifPresent(until -> credential.add("validUntil", timestamp(until)));
        credential.add("name", request.name().orElse(request.achievement().name()));
        credential.add("credentialSubject", subject(request));
        if (!request.evidence().isEmpty()) {
            credential.add("evidence", array(request.evidence(), Evidence::json));
        }
        request.credentialStatus().ifPresent(status -> credential.add("credentialStatus", status));
        return OpenBadgeCredential.of(credential.build()).json();
    }

    private JsonObjectBuilder subject(CredentialRequest request) {
        JsonObjectBuilder subject = Jsons.PROVIDER.createObjectBuilder();
        request.recipient().id().ifPresent(id -> subject.add("id", id));
        subject.add("type", Jsons.PROVIDER.createArrayBuilder().add("AchievementSubject"));
        RecipientJson.writeIdentifiers(request.recipient(), random, subject);
        subject.add("achievement", request.achievement().json());
        request.creditsEarned().ifPresent(credits -> subject.add("creditsEarned", credits));
        if (!request.results().isEmpty()) {
            subject.add("result", array(request.results(), Result::json));
        }
        return subject;
    }

    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static <T> JsonArrayBuilder array(List<T> views, Function<T, JsonObject> json) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        views.forEach(view -> array.add(json.apply(view)));
        return array;
    }
}
