package org.credence.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The {@code publicKeyPem} forms of OB 2.0 CryptographicKeys. */
class Ob2PublicKeyPemTest {

    private static String pem(String label, byte[] der) {
        return "-----BEGIN "
                + label
                + "-----\n"
                + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END "
                + label
                + "-----\n";
    }

    @Test
    void should_read_an_rsa_subject_public_key_info() {
        // GIVEN
        KeyPair keys = Ob2Badges.rsaKeyPair();

        // WHEN / THEN
        assertThat(PublicKeyPem.parse(pem("PUBLIC KEY", keys.getPublic().getEncoded())))
                .contains(keys.getPublic());
    }

    @Test
    void should_read_a_pkcs1_rsa_public_key() throws IOException {
        // GIVEN
        RSAPublicKey key = (RSAPublicKey) Ob2Badges.rsaKeyPair().getPublic();
        byte[] pkcs1 =
                new org.bouncycastle.asn1.pkcs.RSAPublicKey(
                                key.getModulus(), key.getPublicExponent())
                        .getEncoded();

        // WHEN / THEN
        assertThat(PublicKeyPem.parse(pem("RSA PUBLIC KEY", pkcs1))).contains(key);
    }

    @Test
    void should_read_an_ec_subject_public_key_info() throws NoSuchAlgorithmException {
        // GIVEN
        PublicKey key = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();

        // WHEN / THEN
        assertThat(PublicKeyPem.parse(pem("PUBLIC KEY", key.getEncoded()))).contains(key);
    }

    @Test
    void should_read_nothing_from_text_that_is_not_a_pem_public_key() {
        assertThat(
                        PublicKeyPem.parse(
                                "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----"))
                .isEmpty();
        assertThat(
                        PublicKeyPem.parse(
                                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isEmpty();
        assertThat(PublicKeyPem.parse("-----BEGIN PUBLIC KEY-----\nAAAA")).isEmpty();
    }
}
