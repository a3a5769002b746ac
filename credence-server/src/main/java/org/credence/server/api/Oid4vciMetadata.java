package org.credence.server.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.credence.app.exchange.CredentialConfiguration;
import org.credence.app.exchange.Oid4vciService;
import org.credence.core.json.Jsons;

/**
 * The credential issuer metadata (OID4VCI 1.0 §12.2) and authorisation server metadata (RFC 8414
 * with OID4VCI's {@code pre-authorized_grant_anonymous_access_supported}). The credential is not
 * bound to the holder's key, so {@code cryptographic_binding_methods_supported} is absent; the key
 * proof is still required ({@code proof_types_supported}).
 */
final class Oid4vciMetadata {

    private static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    private static final String OB_V3 =
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private Oid4vciMetadata() {}

    static JsonObject issuer(String issuerId) {
        JsonObjectBuilder configurations = Jsons.PROVIDER.createObjectBuilder();
        for (CredentialConfiguration configuration : CredentialConfiguration.values()) {
            configurations.add(configuration.id(), configuration(configuration));
        }
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("credential_issuer", issuerId)
                .add("credential_endpoint", issuerId + Oid4vciApi.PREFIX + "credential")
                .add("nonce_endpoint", issuerId + Oid4vciApi.PREFIX + "nonce")
                .add(
                        "display",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(
                                        Jsons.PROVIDER
                                                .createObjectBuilder()
                                                .add("name", "Credence")
                                                .add("locale", "en")))
                .add("credential_configurations_supported", configurations)
                .build();
    }

    static JsonObject authorizationServer(String issuerId) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("issuer", issuerId)
                .add("token_endpoint", issuerId + Oid4vciApi.PREFIX + "token")
                .add(
                        "grant_types_supported",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(Oid4vciService.PRE_AUTHORIZED_GRANT))
                .add("response_types_supported", Jsons.PROVIDER.createArrayBuilder())
                .add("pre-authorized_grant_anonymous_access_supported", true)
                .build();
    }

    private static JsonObject configuration(CredentialConfiguration configuration) {
        boolean ldp = configuration == CredentialConfiguration.OPEN_BADGE_LDP_VC;
        JsonObjectBuilder definition =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add(
                                "type",
                                Jsons.PROVIDER
                                        .createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add("OpenBadgeCredential"));
        if (ldp) {
            definition.add("@context", Jsons.PROVIDER.createArrayBuilder().add(VC_V2).add(OB_V3));
        }
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("format", configuration.format())
                .add("credential_definition", definition)
                .add(
                        "credential_signing_alg_values_supported",
                        Jsons.PROVIDER.createArrayBuilder().add(ldp ? "eddsa-rdfc-2022" : "EdDSA"))
                .add(
                        "proof_types_supported",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "jwt",
                                        Jsons.PROVIDER
                                                .createObjectBuilder()
                                                .add(
                                                        "proof_signing_alg_values_supported",
                                                        Jsons.PROVIDER
                                                                .createArrayBuilder()
                                                                .add("EdDSA")
                                                                .add("ES256"))))
                .add(
                        "credential_metadata",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "display",
                                        Jsons.PROVIDER
                                                .createArrayBuilder()
                                                .add(
                                                        Jsons.PROVIDER
                                                                .createObjectBuilder()
                                                                .add("name", "Open Badge")
                                                                .add("locale", "en"))))
                .build();
    }
}
