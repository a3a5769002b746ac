package org.credence.core.jsonld;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, as RDFC-1.0 requires for sorting N-Quads. {@link
 * String#compareTo} compares UTF-16 code units instead, which puts supplementary characters (stored
 * as surrogates, U+D800–U+DFFF) before U+E000–U+FFFF. Stateless and thread-safe.
 */
final class CodePointOrder implements Comparator<String> {

    static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {}

    @Override
    public int compare(String left, String right) {
        int length = Math.min(left.length(), right.length());
        for (int i = 0; i < length; i++) {
            char l = left.charAt(i);
            char r = right.charAt(i);
            if (l != r) {
                if (l >= Character.MIN_SURROGATE && r >= Character.MIN_SURROGATE) {
                    // Both at or above the surrogates: lift surrogates above U+E000–U+FFFF.
                    return inCodePointOrder(l) - inCodePointOrder(r);
                }
                return l - r;
            }
        }
        return left.length() - right.length();
    }

    private static int inCodePointOrder(char unit) {
        return Character.isSurrogate(unit) ? unit + 0x2000 : unit - 0x800;
    }
}
