package org.credence.core.bake;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Open Badges 3.0 PNG baking: one {@code iTXt} chunk with keyword {@code openbadgecredential},
 * uncompressed, empty language tag and translated keyword, the credential as text. Extraction also
 * reads Open Badges 2.0 badges (Baking 1.0: {@code iTXt openbadges} with an assertion or its JWS,
 * or the legacy {@code tEXt openbadges} with the assertion's URL) when there is no 3.0 credential.
 * Stateless and thread-safe.
 */
final class PngBaking {

    static final String KEYWORD = "openbadgecredential";

    private static final byte[] KEYWORD_AND_NULL = keywordAndNull(KEYWORD);

    /** The Open Badges 2.0 (Baking 1.0) keyword. */
    static final String OB2_KEYWORD = "openbadges";

    private static final byte[] OB2_KEYWORD_AND_NULL = keywordAndNull(OB2_KEYWORD);

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
            if (!isChunk(png, chunk, "iTXt", KEYWORD_AND_NULL)) {
                out.write(png, chunk.offset(), chunk.end() - chunk.offset());
            }
        }
        return out.toByteArray();
    }

    static BakedCredential extract(byte[] png) {
        List<PngChunks.Chunk> walked = PngChunks.walk(png);
        List<PngChunks.Chunk> credentials = chunks(png, walked, "iTXt", KEYWORD_AND_NULL);
        if (credentials.isEmpty()) {
            return extractOb2(png, walked);
        }
        if (credentials.size() > 1) {
            throw new BakingException(
                    BakingError.MULTIPLE_CREDENTIALS,
                    "the PNG has "
                            + credentials.size()
                            + " openbadgecredential chunks; one is allowed");
        }
        String text = readText(png, credentials.get(0), KEYWORD_AND_NULL).strip();
        return new BakedCredential(ImageFormat.PNG, text);
    }

    /** Open Badges 2.0: one {@code iTXt openbadges} chunk, else a legacy {@code tEXt} one. */
    private static BakedCredential extractOb2(byte[] png, List<PngChunks.Chunk> walked) {
        List<PngChunks.Chunk> itxt = chunks(png, walked, "iTXt", OB2_KEYWORD_AND_NULL);
        List<PngChunks.Chunk> found =
                itxt.isEmpty() ? chunks(png, walked, "tEXt", OB2_KEYWORD_AND_NULL) : itxt;
        if (found.isEmpty()) {
            throw new BakingException(
                    BakingError.NO_CREDENTIAL,
                    "the PNG has no openbadgecredential (Open Badges 3.0) or openbadges (2.0)"
                            + " chunk");
        }
        if (found.size() > 1) {
            throw new BakingException(
                    BakingError.MULTIPLE_CREDENTIALS,
                    "the PNG has " + found.size() + " openbadges chunks; one is allowed");
        }
        PngChunks.Chunk chunk = found.get(0);
        String text =
                itxt.isEmpty()
                        ? legacyText(png, chunk)
                        : readText(png, chunk, OB2_KEYWORD_AND_NULL);
        return new BakedCredential(ImageFormat.PNG, text.strip(), BadgeVersion.OPEN_BADGES_2);
    }

    private static List<PngChunks.Chunk> chunks(
            byte[] png, List<PngChunks.Chunk> walked, String type, byte[] keywordAndNull) {
        return walked.stream().filter(chunk -> isChunk(png, chunk, type, keywordAndNull)).toList();
    }

    /** A {@code tEXt} chunk's text is Latin-1 after the keyword and its NUL. */
    private static String legacyText(byte[] png, PngChunks.Chunk chunk) {
        int start = chunk.dataOffset() + OB2_KEYWORD_AND_NULL.length;
        int length = chunk.dataOffset() + chunk.length() - start;
        if (length > BadgeBaker.MAX_CREDENTIAL_BYTES) {
            throw new BakingException(
                    BakingError.TOO_LARGE, "the baked openbadges text has " + length + " bytes");
        }
        return new String(png, start, length, StandardCharsets.ISO_8859_1);
    }

    private static byte[] keywordAndNull(String keyword) {
        return (keyword + '\0').getBytes(StandardCharsets.ISO_8859_1);
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

    private static boolean isChunk(
            byte[] png, PngChunks.Chunk chunk, String type, byte[] keywordAndNull) {
        return chunk.type().equals(type)
                && chunk.length() >= keywordAndNull.length
                && Arrays.equals(
                        png,
                        chunk.dataOffset(),
                        chunk.dataOffset() + keywordAndNull.length,
                        keywordAndNull,
                        0,
                        keywordAndNull.length);
    }

    private static String readText(byte[] png, PngChunks.Chunk chunk, byte[] keywordAndNull) {
        int end = chunk.dataOffset() + chunk.length();
        int flags = chunk.dataOffset() + keywordAndNull.length;
        if (end - flags < 4) {
            throw malformed("the openbadgecredential chunk is truncated");
        }
        if (png[flags] != 0) {
            throw new BakingException(
                    BakingError.COMPRESSED_CREDENTIAL,
                    "the baked credential chunk is compressed; Open Badges baking forbids"
                            + " compression");
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
