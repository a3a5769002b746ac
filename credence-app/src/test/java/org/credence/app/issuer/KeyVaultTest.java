package org.credence.app.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.credence.core.crypto.SigningKey;
import org.junit.jupiter.api.Test;

class KeyVaultTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void should_round_trip_with_a_fresh_nonce_when_sealing_the_same_key_twice() {
        // GIVEN
        KeyVault vault = new KeyVault(MasterKey.generate(RANDOM), RANDOM);
        SigningKey key = vault.generate();

        // WHEN
        String first = vault.seal(key, "issuer-1");
        String second = vault.seal(key, "issuer-1");

        // THEN
        assertThat(first).isNotEqualTo(second).doesNotContain(key.secretMultibase());
        SigningKey opened = vault.open(first, key.publicKey().multibase(), "issuer-1");
        assertThat(opened.secretMultibase()).isEqualTo(key.secretMultibase());
    }

    @Test
    void should_refuse_to_open_when_the_owner_or_the_master_key_differs() {
        // GIVEN
        MasterKey masterKey = MasterKey.generate(RANDOM);
        KeyVault vault = new KeyVault(masterKey, RANDOM);
        SigningKey key = vault.generate();
        String sealed = vault.seal(key, "issuer-1");
        String publicKey = key.publicKey().multibase();

        // WHEN / THEN
        assertThatThrownBy(() -> vault.open(sealed, publicKey, "issuer-2"))
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("issuer-2");
        assertThatThrownBy(
                        () ->
                                new KeyVault(MasterKey.generate(RANDOM), RANDOM)
                                        .open(sealed, publicKey, "issuer-1"))
                .isInstanceOf(KeyDecryptionException.class)
                .hasMessageContaining("master key");
        assertThatThrownBy(() -> vault.open("v1:AAAA", publicKey, "issuer-1"))
                .isInstanceOf(KeyDecryptionException.class);
        KeyVault sameKey = new KeyVault(MasterKey.fromBase64(masterKey.toBase64()), RANDOM);
        assertThat(sameKey.open(sealed, publicKey, "issuer-1").publicKey())
                .isEqualTo(key.publicKey());
    }

    @Test
    void should_never_show_secrets_when_printed() {
        // GIVEN
        MasterKey masterKey = MasterKey.generate(RANDOM);

        // WHEN / THEN
        assertThat(masterKey.toString()).isEqualTo("MasterKey[redacted]");
        assertThatThrownBy(() -> MasterKey.of(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
