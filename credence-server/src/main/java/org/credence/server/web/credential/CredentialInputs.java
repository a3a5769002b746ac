package org.credence.server.web.credential;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.EvidenceInput;
import org.credence.app.award.IssueRequest;
import org.credence.app.credential.CredentialQuery;
import org.credence.app.credential.CredentialState;
import org.credence.app.credential.SecuringFormat;

/**
 * Reading credential filters and issue requests from query strings, forms and JSON values, with
 * field-named errors. Shared by the pages and the API so both accept the same words.
 */
public final class CredentialInputs {

    /** Page size of the issuer's list. */
    public static final int PAGE_SIZE = 50;

    private CredentialInputs() {}

    /** Filters from {@code achievement}, {@code state}, {@code recipient}, {@code page}. */
    public static CredentialQuery query(Context ctx, int pageSize) {
        return new CredentialQuery(
                text(ctx.queryParam("achievement")).map(value -> uuid("achievement", value)),
                text(ctx.queryParam("state")).map(CredentialInputs::state),
                text(ctx.queryParam("recipient")),
                number("page", ctx.queryParam("page"), 0),
                number("pageSize", ctx.queryParam("pageSize"), pageSize));
    }

    public static CredentialState state(String value) {
        try {
            return CredentialState.valueOf(
                    value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw AppException.invalid(
                    "state: must be valid, revoked, suspended, expired or not-yet-valid");
        }
    }

    /**
     * A recipient from one field: a DID or absolute URL is an identifier, anything else an e-mail
     * address.
     */
    public static AwardRecipient recipient(String value, Optional<String> name) {
        String recipient = value.strip();
        if (recipient.isEmpty()) {
            throw AppException.invalid("recipient: give an e-mail address, a DID or a URL");
        }
        boolean identifier = recipient.startsWith("did:") || recipient.contains("://");
        return new AwardRecipient(
                identifier ? Optional.empty() : Optional.of(recipient),
                identifier ? Optional.of(recipient) : Optional.empty(),
                name);
    }

    /** The issue form's fields as a request (the idempotency key is the caller's). */
    public static IssueRequest issueForm(Context ctx) {
        Optional<String> evidenceUrl = text(ctx.formParam("evidenceUrl"));
        return new IssueRequest(
                uuid("issuerId", field(ctx, "issuerId")),
                uuid("achievementId", field(ctx, "achievementId")),
                recipient(field(ctx, "recipient"), text(ctx.formParam("recipientName"))),
                text(ctx.formParam("narrative")),
                evidenceUrl.map(url -> List.of(EvidenceInput.ofUrl(url))).orElse(List.of()),
                text(ctx.formParam("result")),
                text(ctx.formParam("credits")).map(value -> decimal("credits", value)),
                Optional.empty(),
                Optional.empty(),
                SecuringFormat.fromValue(text(ctx.formParam("format")).orElse("data-integrity")),
                Optional.empty());
    }

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw AppException.invalid(field + ": not an id");
        }
    }

    public static BigDecimal decimal(String field, String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw AppException.invalid(field + ": not a number");
        }
    }

    /** A text that is present and not blank. */
    public static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static int number(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw AppException.invalid(field + ": not a number");
        }
    }

    /**
     * The reason of a revoke or suspend form: {@code reason}, and {@code reasonVisibility} {@code
     * private} to tell only the recipient (anything else, or nothing, makes it public as before).
     */
    public static org.credence.app.status.StatusReason reason(io.javalin.http.Context ctx) {
        String text = ctx.formParam("reason");
        return "private".equals(ctx.formParam("reasonVisibility"))
                ? org.credence.app.status.StatusReason.privately(text)
                : org.credence.app.status.StatusReason.publicly(text);
    }
}
