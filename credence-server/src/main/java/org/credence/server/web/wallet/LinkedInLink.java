package org.credence.server.web.wallet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.credence.app.wallet.CredentialFacts;

/**
 * LinkedIn's "Add to profile" link for a certification: {@code
 * https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME} with the certification's name,
 * the issuing organisation's name, issue and expiry year and month (UTC), the credential's URL and
 * id. Each value is percent-encoded (spaces as {@code %20}); absent dates are left out.
 *
 * @param name the certification's name (the achievement)
 * @param organizationName the issuer's name
 * @param issued when it was issued ({@code validFrom})
 * @param expires when it expires ({@code validUntil}), if it does
 * @param certUrl where the credential can be seen and verified
 * @param certId the credential's id
 */
record LinkedInLink(
        String name,
        String organizationName,
        Optional<Instant> issued,
        Optional<Instant> expires,
        String certUrl,
        String certId) {

    static final String ADD = "https://www.linkedin.com/profile/add";

    LinkedInLink {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(certUrl, "certUrl");
        Objects.requireNonNull(certId, "certId");
    }

    /** The link of a wallet credential shown at {@code certUrl}. */
    static LinkedInLink of(CredentialFacts facts, String certUrl, String certId) {
        return new LinkedInLink(
                facts.title(),
                facts.issuerName(),
                facts.validFrom(),
                facts.validUntil(),
                certUrl,
                certId);
    }

    /** The "Add to profile" URL. */
    String url() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("startTask", "CERTIFICATION_NAME");
        query.put("name", name);
        query.put("organizationName", organizationName);
        issued.map(LinkedInLink::utc)
                .ifPresent(
                        date -> {
                            query.put("issueYear", Integer.toString(date.getYear()));
                            query.put("issueMonth", Integer.toString(date.getMonthValue()));
                        });
        expires.map(LinkedInLink::utc)
                .ifPresent(
                        date -> {
                            query.put("expirationYear", Integer.toString(date.getYear()));
                            query.put("expirationMonth", Integer.toString(date.getMonthValue()));
                        });
        query.put("certUrl", certUrl);
        query.put("certId", certId);
        return ADD
                + "?"
                + query.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                        .collect(Collectors.joining("&"));
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }

    /** Form encoding with {@code %20} for spaces, which every URL parser reads the same way. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
