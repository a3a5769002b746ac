package org.credence.core.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.credence.core.crypto.KeyType;
import org.credence.core.crypto.SigningKey;

/**
 * A nimbus {@link JWSSigner} backed by a {@link SigningKey}, so JWTs are signed with Credence's
 * fast Bouncy Castle keys (no Tink, no JCA). Both EdDSA and ES256 (P1363 {@code r||s}) signatures
 * are already in JWS form. Immutable, thread-safe.
 */
final class SigningKeyJwsSigner implements JWSSigner {

    private final SigningKey key;
    private final JCAContext jcaContext = new JCAContext();

    SigningKeyJwsSigner(SigningKey key) {
        this.key = key;
    }

    static JWSAlgorithm algorithmOf(KeyType type) {
        return type == KeyType.ED25519 ? JWSAlgorithm.EdDSA : JWSAlgorithm.ES256;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!algorithmOf(key.type()).equals(header.getAlgorithm())) {
            throw new JOSEException(
                    "algorithm "
                            + header.getAlgorithm()
                            + " does not fit a "
                            + key.type()
                            + " key");
        }
        return Base64URL.encode(key.sign(signingInput));
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(algorithmOf(key.type()));
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
