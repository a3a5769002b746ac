package org.credence.core.bake;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Open Badges 3.0 PNG baking: one {@code iTXt} chunk with keyword {@code openbadgecredential},
 * uncompressed, empty language tag and translated keyword, the credential as text. Stateless and
 * thread-safe.
 */
final class PngBaking {

    static final String KEYWORD = "openbadgecredential";

    private static final byte[] KEYWORD_AND_NULL =
            (KEYWORD + '\0').getBytes(StandardCharsets.ISO_8859_1);

    private PngBaking() {}

    /** {@code png} with the credential chunk before the first IDAT, replacing any earlier one. */
    static byte[] bake(byte[] png, String credential) {
        List<PngChunks.Chunk> chunks = PngChunks.walk(png);
        if (chunks.stream().noneMatch(chunk -> chunk.type().equals("IDAT"))) {
            throw new BakingException(BakingError.MALFORMED_PNG, "the PNG has no IDAT chunk");
        }
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(png.length + credential.length() + 64);
        out.writeBytes(PngChunks.SIGNATURE);
        boolean written = false;
        for (PngChunks.Chunk chunk : chunks) {
            if (!written && chunk.type().equals("IDAT")) {
                out.writeBytes(PngChunks.build("iTXt", itxtData(credential)));
                written = true;
            }
            if (!isCredentialChunk(png, chunk)) {
                out.write(png, chunk.offset(), chunk.end() - chunk.offset());
            }
        }
        return out.toByteArray();
    }

    static BakedCredential extract(byte[] png) {
        List<PngChunks.Chunk> credentials =
                PngChunks.walk(png).stream()
                        .filter(chunk -> isCredentialChunk(png, chunk))
                        .toList();
        if (credentials.isEmpty()) {
            throw new BakingException(
                    BakingError.NO_CREDENTIAL, "the PNG has no openbadgecredential iTXt chunk");
        }
        if (credentials.size() > 1) {
            throw new BakingException(
                    BakingError.MULTIPLE_CREDENTIALS,
                    "the PNG has "
                            + credentials.size()
                            + " openbadgecredential chunks; one is allowed");
        }
        return new BakedCredential(ImageFormat.PNG, readText(png, credentials.get(0)).strip());
    }

    private static byte[] itxtData(String credential) {
        byte[] text = credential.getBytes(StandardCharsets.UTF_8);
        // compression flag 0, compression method 0, empty language tag, empty translated keyword
        byte[] uncompressedUntagged = {0, 0, 0, 0};
        ByteArrayOutputStream data = new ByteArrayOutputStream(text.length + 32);
        data.writeBytes(KEYWORD_AND_NULL);
        data.writeBytes(uncompressedUntagged);
        data.writeBytes(text);
        return data.toByteArray();
    }

    private static boolean isCredentialChunk(byte[] png, PngChunks.Chunk chunk) {
        return chunk.type().equals("iTXt")
                && chunk.length() >= KEYWORD_AND_NULL.length
                && Arrays.equals(
                        png,
                        chunk.dataOffset(),
                        chunk.dataOffset() + KEYWORD_AND_NULL.length,
                        KEYWORD_AND_NULL,
                        0,
                        KEYWORD_AND_NULL.length);
    }

    private static String readText(byte[] png, PngChunks.Chunk chunk) {
        int end = chunk.dataOffset() + chunk.length();
        int flags = chunk.dataOffset() + KEYWORD_AND_NULL.length;
        if (end - flags < 4) {
            throw malformed("the openbadgecredential chunk is truncated");
        }
        if (png[flags] != 0) {
            throw new BakingException(
                    BakingError.COMPRESSED_CREDENTIAL,
                    "the openbadgecredential chunk is compressed; Open Badges 3.0 forbids compression");
        }
        int languageEnd = indexOfNull(png, flags + 2, end);
        int translatedEnd = indexOfNull(png, languageEnd + 1, end);
        int textLength = end - translatedEnd - 1;
        if (textLength > BadgeBaker.MAX_CREDENTIAL_BYTES) {
            throw new BakingException(
                    BakingError.TOO_LARGE,
                    "the baked credential has "
                            + textLength
                            + " bytes, more than "
                            + BadgeBaker.MAX_CREDENTIAL_BYTES);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(png, translatedEnd + 1, textLength))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("the openbadgecredential text is not valid UTF-8");
        }
    }

    private static int indexOfNull(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        throw malformed("the openbadgecredential chunk lacks its NUL separators");
    }

    private static BakingException malformed(String message) {
        return new BakingException(BakingError.MALFORMED_PNG, message);
    }
}
