package org.credence.app.delivery;

import java.util.Objects;
import java.util.UUID;

/**
 * What the e-mail announcing a credential says and where it goes.
 *
 * @param organisationId the issuing organisation
 * @param credentialId the credential
 * @param email the recipient's address
 * @param recipientName how to greet them
 * @param achievementName what they earned
 * @param issuerName who awarded it
 * @param baseUrl the installation's public URL; claim links are {@code <baseUrl>/claim/<token>}
 */
public record CredentialEmail(
        UUID organisationId,
        UUID credentialId,
        String email,
        String recipientName,
        String achievementName,
        String issuerName,
        String baseUrl) {

    public CredentialEmail {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(recipientName, "recipientName");
        Objects.requireNonNull(achievementName, "achievementName");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(baseUrl, "baseUrl");
        email = email.strip();
        int at = email.indexOf('@');
        if (at < 1
                || at == email.length() - 1
                || email.length() > 320
                || email.chars().anyMatch(c -> c <= ' ' || c == ',' || c == '<' || c == '>')) {
            throw new IllegalArgumentException("email: not an e-mail address: " + email);
        }
        checkLength("recipientName", recipientName, 200);
        checkLength("achievementName", achievementName, 500);
        checkLength("issuerName", issuerName, 200);
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("baseUrl: must be an http(s) URL, not " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private static void checkLength(String field, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(field + ": 1 to " + max + " characters");
        }
    }

    /** The claim link for a token. */
    public String claimUrl(String token) {
        return baseUrl + "/claim/" + token;
    }
}
