package org.credence.core.status;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A Bitstring Status List (W3C Bitstring Status List v1.0) of one-bit statuses: bit {@code i} is
 * {@code true} when the credential at {@code statusListIndex} {@code i} is revoked, suspended, ...
 * according to the list's purpose.
 *
 * <p>Bit 0 is the most significant bit of byte 0 (so setting bit 5 gives byte 0 the value {@code
 * 0x04}). The encoded form is the GZIP-compressed bytes as multibase base64url without padding
 * (prefix {@code u}).
 *
 * <p>Only {@code statusSize} 1 is supported; multi-bit status messages are not (yet).
 *
 * <p>Immutable and thread-safe. {@link #with} returns a modified copy; for many edits use a {@link
 * Builder}, which is not thread-safe.
 */
public final class BitstringStatusList {

    /** The spec's minimum length: 16 KB of bits, so that one index says little about its holder. */
    public static final int MIN_LENGTH_BITS = 131_072;

    /**
     * The largest list {@link #decode} inflates, 16 MB (134 million entries). Lists are fetched
     * from whoever the credential names, and GZIP of zeros compresses about 1000 to 1, so a 16 KB
     * download could otherwise claim gigabytes of memory. 16 MB is 1000 times the spec's minimum,
     * more than any issuer needs, and small enough to hold for every status check.
     */
    public static final int MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    /**
     * A list of {@code lengthInBits} statuses, all {@code false}.
     *
     * @throws StatusListException {@link StatusListError#STATUS_LIST_LENGTH_ERROR} if the length is
     *     below {@link #MIN_LENGTH_BITS}, not a multiple of 8, or above the decoding limit
     */
    public static BitstringStatusList create(int lengthInBits) {
        return new BitstringStatusList(new byte[checkedByteLength(lengthInBits)]);
    }

    /** A builder for a new list of {@code lengthInBits} statuses, all {@code false}. */
    public static Builder builder(int lengthInBits) {
        return new Builder(new byte[checkedByteLength(lengthInBits)]);
    }

    /**
     * Decodes an {@code encodedList}. Lists shorter than {@link #MIN_LENGTH_BITS} published by
     * others are accepted (see {@link #meetsMinimumLength()}); only an empty list is refused.
     *
     * @throws StatusListException if the value is not multibase base64url of a GZIP stream, or
     *     inflates beyond {@link #MAX_DECOMPRESSED_BYTES}
     */
    public static BitstringStatusList decode(String encodedList) {
        byte[] bits = EncodedLists.decode(encodedList, MAX_DECOMPRESSED_BYTES);
        if (bits.length == 0) {
            throw new StatusListException(
                    StatusListError.STATUS_LIST_LENGTH_ERROR, "the status list is empty");
        }
        return new BitstringStatusList(bits);
    }

    /** The GZIP-compressed list as multibase base64url without padding, e.g. {@code uH4sI...}. */
    public String encode() {
        return EncodedLists.encode(bits);
    }

    /** The number of statuses in the list. */
    public int length() {
        return bits.length * Byte.SIZE;
    }

    /** Whether the list is at least the spec's minimum length (lists we create always are). */
    public boolean meetsMinimumLength() {
        return length() >= MIN_LENGTH_BITS;
    }

    /**
     * The status at {@code index}.
     *
     * @throws StatusListException {@link StatusListError#RANGE_ERROR} outside the list
     */
    public boolean get(int index) {
        checkIndex(index, length());
        return (bits[index / Byte.SIZE] & mask(index)) != 0;
    }

    /** A copy of this list with the status at {@code index} set to {@code value}. */
    public BitstringStatusList with(int index, boolean value) {
        return toBuilder().set(index, value).build();
    }

    /** A builder starting from this list's statuses. */
    public Builder toBuilder() {
        return new Builder(bits.clone());
    }

    /** The indexes whose status is {@code true}, ascending. */
    public IntStream setIndexes() {
        return IntStream.range(0, length()).filter(this::get);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitstringStatusList list && Arrays.equals(bits, list.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "BitstringStatusList[length=" + length() + ", set=" + setIndexes().count() + "]";
    }

    private static int checkedByteLength(int lengthInBits) {
        if (lengthInBits < MIN_LENGTH_BITS
                || lengthInBits % Byte.SIZE != 0
                || lengthInBits / Byte.SIZE > MAX_DECOMPRESSED_BYTES) {
            throw new StatusListException(
                    StatusListError.STATUS_LIST_LENGTH_ERROR,
                    "a status list must have between "
                            + MIN_LENGTH_BITS
                            + " and "
                            + (long) MAX_DECOMPRESSED_BYTES * Byte.SIZE
                            + " entries, in multiples of 8; got "
                            + lengthInBits);
        }
        return lengthInBits / Byte.SIZE;
    }

    private static void checkIndex(int index, int length) {
        if (index < 0 || index >= length) {
            throw new StatusListException(
                    StatusListError.RANGE_ERROR,
                    "index " + index + " is outside the status list of length " + length);
        }
    }

    private static int mask(int index) {
        return 0x80 >>> (index % Byte.SIZE);
    }

    /** Collects edits to a list, then {@link #build()}s it. Not thread-safe. */
    public static final class Builder {

        private final byte[] bits;

        private Builder(byte[] bits) {
            this.bits = bits;
        }

        /** Sets the status at {@code index}; throws {@link StatusListError#RANGE_ERROR} outside. */
        public Builder set(int index, boolean value) {
            checkIndex(index, bits.length * Byte.SIZE);
            if (value) {
                bits[index / Byte.SIZE] |= (byte) mask(index);
            } else {
                bits[index / Byte.SIZE] &= (byte) ~mask(index);
            }
            return this;
        }

        /** The list with the edits so far; the builder can go on being used. */
        public BitstringStatusList build() {
            return new BitstringStatusList(bits.clone());
        }
    }
}
