package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.organization.Role;
import org.credence.core.json.JsonInput;

/**
 * What an earner does before a wallet app takes over: an issuer issues a credential by e-mail, the
 * earner opens the claim link, claims, and asks for the wallet page. Its two links are what the
 * wallets receive.
 */
final class WalletSteps {

    private static final Pattern CLAIM_LINK = Pattern.compile("/claim/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern OFFER_LINK =
            Pattern.compile("href=\"(openid-credential-offer://[^\"]+)\"");
    private static final Pattern LCW_LINK =
            Pattern.compile("href=\"(https://lcw.app/request[^\"]+)\"");

    /**
     * The wallet page's links.
     *
     * @param credentialId the credential sent
     * @param claimPath the earner's claim page
     * @param offerLink the {@code openid-credential-offer://} deep link
     * @param lcwLink the Learner Credential Wallet deep link
     */
    record WalletLinks(UUID credentialId, String claimPath, String offerLink, String lcwLink) {

        /** The {@code credential_offer_uri} inside the OpenID4VCI deep link. */
        String credentialOfferUri() {
            String query = URI.create(offerLink).getRawQuery();
            assertThat(query).startsWith("credential_offer_uri=");
            return URLDecoder.decode(
                    query.substring("credential_offer_uri=".length()), StandardCharsets.UTF_8);
        }

        /** The VC-API exchange URL inside the Learner Credential Wallet request. */
        String exchangeUrl() {
            String query = URI.create(lcwLink).getRawQuery();
            assertThat(query).startsWith("request=");
            String request =
                    URLDecoder.decode(query.substring("request=".length()), StandardCharsets.UTF_8);
            return JsonInput.DEFAULT
                    .parseObject(request)
                    .getJsonObject("protocols")
                    .getString("vcapi");
        }
    }

    private WalletSteps() {}

    /** Issues a credential in {@code format} to an e-mail, claims it and opens the wallet page. */
    static WalletLinks claimedAndOffered(TestServer server, String format) {
        CredentialPagesTest.Org org = CredentialPagesTest.org(server, "Safe Medication");
        String token = server.apiToken(org.owner(), Role.ISSUER);
        HttpResponse<String> issued =
                server.api(
                        "POST",
                        "/api/v1/credentials",
                        token,
                        "{\"issuerId\":\"%s\",\"achievementId\":\"%s\",\"recipient\":{\"email\":"
                                        .formatted(org.issuerId(), org.achievementId())
                                + "\"ada@example.org\",\"name\":\"Ada\"},\"format\":\""
                                + format
                                + "\",\"sendEmail\":true}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        UUID id = UUID.fromString(JsonInput.DEFAULT.parseObject(issued.body()).getString("id"));
        var emails = server.services().delivery().emails(org.owner().session().actor(), id);
        Matcher link = CLAIM_LINK.matcher(emails.get(0).email().text());
        assertThat(link.find()).isTrue();
        String claimPath = "/claim/" + link.group(1);
        assertThat(publicPost(server, claimPath, claimPath).statusCode()).isEqualTo(303);
        HttpResponse<String> page = publicPost(server, claimPath, claimPath + "/send");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String offerLink = match(OFFER_LINK, page.body());
        String lcwLink = match(LCW_LINK, page.body());
        // what a phone scanning the screen reads is what a tap on the link opens
        assertThat(SvgQrDecoder.decodeAll(page.body())).containsExactly(offerLink, lcwLink);
        return new WalletLinks(id, claimPath, offerLink, lcwLink);
    }

    /** Opens the wallet page of a claimed credential again: the new exchange URL on it. */
    static String publicPostWallet(TestServer server, String claimPath) {
        HttpResponse<String> page = publicPost(server, claimPath, claimPath + "/send");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return new WalletLinks(null, claimPath, "unused:", match(LCW_LINK, page.body()))
                .exchangeUrl();
    }

    /** A public form post as a browser makes it: the CSRF cookie and field from the page. */
    static HttpResponse<String> publicPost(TestServer server, String pagePath, String action) {
        HttpResponse<String> page = server.get(pagePath, (String) null);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", match(CSRF, page.body()));
        return server.send(
                HttpRequest.newBuilder(server.uri(action))
                        .header(
                                "Cookie",
                                "credence_csrf=" + TestServer.cookie(page, "credence_csrf"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(TestServer.form(fields)));
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }
}
