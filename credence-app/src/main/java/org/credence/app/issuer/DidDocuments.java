package org.credence.app.issuer;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import org.credence.core.json.Jsons;

/** Builds DID documents: every key (active and retired) as a Multikey assertion method. */
final class DidDocuments {

    static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

    private DidDocuments() {}

    static String verificationMethodId(String did, int keyNumber) {
        return did + "#key-" + keyNumber;
    }

    /**
     * The id of a key's verification method: {@code <did>#key-<n>} under a did:web, {@code
     * did:key:<key>#<key>} for a did:key (what the did:key method defines).
     */
    static String methodId(String did, StoredKey key) {
        if (DidMethod.of(did) == DidMethod.KEY) {
            return did + "#" + key.publicKeyMultibase();
        }
        return verificationMethodId(did, key.number());
    }

    static JsonObject document(String did, List<StoredKey> keys) {
        JsonArrayBuilder methods = Jsons.PROVIDER.createArrayBuilder();
        JsonArrayBuilder assertion = Jsons.PROVIDER.createArrayBuilder();
        for (StoredKey key : keys) {
            String id = verificationMethodId(did, key.number());
            methods.add(
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("id", id)
                            .add("type", "Multikey")
                            .add("controller", did)
                            .add("publicKeyMultibase", key.publicKeyMultibase()));
            assertion.add(id);
        }
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "@context",
                        Jsons.PROVIDER.createArrayBuilder().add(DID_CONTEXT).add(MULTIKEY_CONTEXT))
                .add("id", did)
                .add("verificationMethod", methods)
                .add("assertionMethod", assertion)
                .build();
    }
}
