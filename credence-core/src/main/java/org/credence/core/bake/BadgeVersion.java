package org.credence.core.bake;

/** Which Open Badges baking a credential was extracted from. */
public enum BadgeVersion {
    /**
     * Open Badges 3.0: PNG {@code iTXt openbadgecredential}, SVG {@code openbadges:credential} in
     * {@code https://purl.imsglobal.org/ob/v3p0}.
     */
    OPEN_BADGES_3,
    /**
     * Open Badges 2.0 (Baking 1.0): PNG {@code iTXt openbadges} (or the legacy {@code tEXt
     * openbadges} holding a URL), SVG {@code openbadges:assertion} in {@code
     * http://openbadges.org}. The text is an assertion's JSON, its JWS, or the URL of a hosted
     * assertion.
     */
    OPEN_BADGES_2
}
