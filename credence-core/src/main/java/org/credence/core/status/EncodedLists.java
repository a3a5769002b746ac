package org.credence.core.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** GZIP plus multibase base64url (no padding), the wire form of an encodedList. Thread-safe. */
final class EncodedLists {

    private static final char MULTIBASE_BASE64URL = 'u';

    private EncodedLists() {}

    static String encode(byte[] bits) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory compression cannot fail", e);
        }
        return MULTIBASE_BASE64URL
                + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }

    static byte[] decode(String encodedList, int maxDecompressedBytes) {
        if (encodedList == null
                || encodedList.isEmpty()
                || encodedList.charAt(0) != MULTIBASE_BASE64URL) {
            throw new StatusListException(
                    StatusListError.INVALID_MULTIBASE_PREFIX,
                    "an encodedList must be multibase base64url, starting with 'u'");
        }
        return gunzip(base64url(encodedList.substring(1)), maxDecompressedBytes);
    }

    private static byte[] base64url(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new StatusListException(
                    StatusListError.INVALID_BASE64,
                    "the encodedList is not base64url: " + e.getMessage(),
                    e);
        }
    }

    private static byte[] gunzip(byte[] compressed, int maxDecompressedBytes) {
        if (compressed.length < 2
                || (compressed[0] & 0xff) != 0x1f
                || (compressed[1] & 0xff) != 0x8b) {
            throw new StatusListException(
                    StatusListError.INVALID_GZIP, "the encodedList is not GZIP-compressed");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return readAtMost(in, maxDecompressedBytes);
        } catch (IOException e) {
            throw new StatusListException(
                    StatusListError.INVALID_GZIP,
                    "the encodedList is not a complete GZIP stream: " + e.getMessage(),
                    e);
        }
    }

    private static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() + read > maxBytes) {
                throw new StatusListException(
                        StatusListError.DECOMPRESSED_TOO_LARGE,
                        "the encodedList inflates to more than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
