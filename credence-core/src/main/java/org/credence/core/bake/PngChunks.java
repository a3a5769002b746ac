package org.credence.core.bake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Splits a PNG into its chunks, checking lengths and CRCs. Hand-written rather than ImageIO: a
 * chunk walker is a few dozen lines, we need the raw iTXt bytes, and ImageIO's readers decode
 * pixels and throw assorted exceptions on junk. Stateless and thread-safe.
 */
final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /**
     * One chunk, by position in the PNG it came from.
     *
     * @param type the four-letter chunk type
     * @param offset where the chunk (its length field) starts
     * @param length the length of its data
     */
    record Chunk(String type, int offset, int length) {

        int dataOffset() {
            return offset + 8;
        }

        int end() {
            return offset + 12 + length;
        }
    }

    private PngChunks() {}

    static boolean hasSignature(byte[] bytes) {
        return bytes.length >= SIGNATURE.length
                && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /** The chunks from IHDR to IEND; bytes after IEND are ignored, as PNG decoders do. */
    static List<Chunk> walk(byte[] png) {
        List<Chunk> chunks = new ArrayList<>();
        int offset = SIGNATURE.length;
        while (chunks.isEmpty() || !chunks.get(chunks.size() - 1).type().equals("IEND")) {
            Chunk chunk = readChunk(png, offset);
            if (chunks.isEmpty() && !chunk.type().equals("IHDR")) {
                throw malformed("the first chunk is " + chunk.type() + ", not IHDR");
            }
            chunks.add(chunk);
            offset = chunk.end();
        }
        return List.copyOf(chunks);
    }

    /** A complete chunk of {@code type} with {@code data}, CRC included. */
    static byte[] build(String type, byte[] data) {
        byte[] chunk = new byte[data.length + 12];
        writeInt(chunk, 0, data.length);
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, chunk, 4, 4);
        System.arraycopy(data, 0, chunk, 8, data.length);
        CRC32 crc = new CRC32();
        crc.update(chunk, 4, data.length + 4);
        writeInt(chunk, data.length + 8, (int) crc.getValue());
        return chunk;
    }

    private static Chunk readChunk(byte[] png, int offset) {
        if (png.length - offset < 12) {
            throw malformed("the PNG ends inside a chunk header at byte " + offset);
        }
        long length = readInt(png, offset) & 0xffffffffL;
        if (length > png.length - offset - 12) {
            throw malformed(
                    "a chunk at byte " + offset + " claims " + length + " bytes, beyond the file");
        }
        String type = new String(png, offset + 4, 4, StandardCharsets.ISO_8859_1);
        if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
            throw malformed("invalid chunk type at byte " + offset);
        }
        Chunk chunk = new Chunk(type, offset, (int) length);
        CRC32 crc = new CRC32();
        crc.update(png, offset + 4, chunk.length() + 4);
        if ((int) crc.getValue() != readInt(png, chunk.end() - 4)) {
            throw new BakingException(
                    BakingError.CRC_MISMATCH,
                    "the CRC of the " + type + " chunk at byte " + offset + " is wrong");
        }
        return chunk;
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24)
                | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8)
                | (bytes[offset + 3] & 0xff);
    }

    private static void writeInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }

    private static BakingException malformed(String message) {
        return new BakingException(BakingError.MALFORMED_PNG, message);
    }
}
