package org.credence.app.exchange;

import java.util.Objects;

/**
 * The credential offer object (OID4VCI 1.0 §4.1.1) for the pre-authorised code grant.
 *
 * @param credentialIssuer the credential issuer identifier (the installation's base URL)
 * @param configuration the one configuration offered: the credential's own format
 * @param preAuthorizedCode a fresh single-use code
 */
public record CredentialOffer(
        String credentialIssuer, CredentialConfiguration configuration, String preAuthorizedCode) {

    public CredentialOffer {
        Objects.requireNonNull(credentialIssuer, "credentialIssuer");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(preAuthorizedCode, "preAuthorizedCode");
    }
}
