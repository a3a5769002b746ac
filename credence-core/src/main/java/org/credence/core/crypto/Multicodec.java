package org.credence.core.crypto;

import java.util.Arrays;
import java.util.Optional;

/**
 * The multicodec headers (already varint-encoded, two bytes each) of the key encodings Credence
 * reads and writes in Multikey documents.
 */
enum Multicodec {
    ED25519_PUB(KeyType.ED25519, 0xed, 0x01, 32),
    P256_PUB(KeyType.P256, 0x80, 0x24, 33),
    ED25519_PRIV(KeyType.ED25519, 0x80, 0x26, 32),
    P256_PRIV(KeyType.P256, 0x86, 0x26, 32);

    private final KeyType keyType;
    private final byte first;
    private final byte second;
    private final int keyLength;

    Multicodec(KeyType keyType, int first, int second, int keyLength) {
        this.keyType = keyType;
        this.first = (byte) first;
        this.second = (byte) second;
        this.keyLength = keyLength;
    }

    KeyType keyType() {
        return keyType;
    }

    int keyLength() {
        return keyLength;
    }

    boolean isHeaderOf(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == first && bytes[1] == second;
    }

    /** The multicodec whose header starts {@code bytes}, if any. */
    static Optional<Multicodec> headerOf(byte[] bytes) {
        return Arrays.stream(values()).filter(codec -> codec.isHeaderOf(bytes)).findFirst();
    }

    byte[] prepend(byte[] key) {
        byte[] out = new byte[key.length + 2];
        out[0] = first;
        out[1] = second;
        System.arraycopy(key, 0, out, 2, key.length);
        return out;
    }

    String encodeMultibase(byte[] key) {
        return Base58Btc.encodeMultibase(prepend(key));
    }
}
