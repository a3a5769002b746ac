package org.credence.server.web.credential;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.award.AfterStore;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.CredentialPage;
import org.credence.app.credential.CredentialQuery;
import org.credence.app.credential.CredentialSummary;
import org.credence.app.delivery.DeliveryState;
import org.credence.app.organization.Session;
import org.credence.app.status.StatusListService;
import org.credence.app.status.StatusReason;
import org.credence.app.status.StatusResult;
import org.credence.server.Services;
import org.credence.server.web.Forms;
import org.credence.server.web.Page;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;

/**
 * {@code /app/credentials}: issuing one credential, the organisation's credentials with their
 * status and delivery, one credential's history and actions (resend, revoke, suspend), and bulk
 * status changes. Status changes need a ticked confirmation box.
 */
public final class CredentialPages {

    private final Services services;
    private final Views views;
    private final SecureRandom random = new SecureRandom();

    public CredentialPages(Services services, Views views) {
        this.services = Objects.requireNonNull(services, "services");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.page(HandlerType.GET, "/app/credentials", this::list);
        routes.page(HandlerType.GET, "/app/credentials/new", this::newForm);
        routes.page(HandlerType.POST, "/app/credentials", this::issue);
        routes.page(HandlerType.GET, "/app/credentials/unclaimed", this::unclaimed);
        routes.page(HandlerType.POST, "/app/credentials/bulk", this::bulk);
        routes.page(HandlerType.GET, "/app/credentials/{credentialId}", this::detail);
        routes.page(HandlerType.POST, "/app/credentials/{credentialId}/revoke", this::revoke);
        routes.page(HandlerType.POST, "/app/credentials/{credentialId}/suspend", this::suspend);
        routes.page(HandlerType.POST, "/app/credentials/{credentialId}/unsuspend", this::unsuspend);
        routes.page(HandlerType.POST, "/app/credentials/{credentialId}/resend", this::resend);
    }

    private void list(Context ctx, Session session) {
        CredentialQuery query = CredentialInputs.query(ctx, CredentialInputs.PAGE_SIZE);
        CredentialPage page = services.credentials().list(session.actor(), query);
        views.render(
                ctx,
                "credentials/list.jte",
                Page.of("Credentials", session),
                "result",
                page,
                "delivery",
                deliveryStates(session, page.items()),
                "query",
                query,
                "achievements",
                services.achievements().list(session.actor()));
    }

    private void newForm(Context ctx, Session session) {
        byte[] key = new byte[24];
        random.nextBytes(key);
        views.render(
                ctx,
                "credentials/new.jte",
                Page.of("Issue a credential", session),
                "issuers",
                services.issuers().list(session.actor()),
                "achievements",
                services.achievements().list(session.actor()),
                "formKey",
                Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    }

    private void issue(Context ctx, Session session) {
        String formKey = Forms.field(ctx, "formKey");
        if (!formKey.matches("[A-Za-z0-9_-]{16,64}")) {
            throw AppException.invalid("formKey: reload the form and submit it again");
        }
        AfterStore email =
                "yes".equals(ctx.formParam("sendEmail"))
                        ? services.delivery().emailOnIssue(services.host().base())
                        : AfterStore.NONE;
        // The form's key makes a double submission return the first credential.
        IssuedCredential issued =
                services.awards()
                        .issue(
                                session.actor(),
                                CredentialInputs.issueForm(ctx)
                                        .withIdempotencyKey("form:" + formKey),
                                email);
        ctx.redirect("/app/credentials/" + issued.id() + "?outcome=issued", HttpStatus.SEE_OTHER);
    }

    private void unclaimed(Context ctx, Session session) {
        List<CredentialSummary> items =
                services.delivery().unclaimed(session.actor(), Duration.ZERO).stream()
                        .limit(StatusListService.MAX_BULK)
                        .map(id -> services.credentials().get(session.actor(), id))
                        .toList();
        views.render(
                ctx,
                "credentials/unclaimed.jte",
                Page.of("Issued but not claimed", session),
                "items",
                items);
    }

    private void detail(Context ctx, Session session) {
        UUID id = Forms.id(ctx, "credentialId", "Credential");
        CredentialSummary credential = services.credentials().get(session.actor(), id);
        views.render(
                ctx,
                "credentials/detail.jte",
                Page.of(credential.achievementName(), session),
                "credential",
                credential,
                "delivery",
                services.delivery().states(session.actor(), List.of(id)).get(id),
                "emails",
                services.delivery().emails(session.actor(), id),
                "notice",
                notice(ctx.queryParam("outcome")),
                "publicUrl",
                services.host().base() + "/credentials/" + id,
                "issuer",
                services.credentials().issuerOf(id));
    }

    private void revoke(Context ctx, Session session) {
        UUID id = confirmed(ctx);
        var outcome = services.status().revoke(session.actor(), id, CredentialInputs.reason(ctx));
        done(ctx, id, outcome.name());
    }

    private void suspend(Context ctx, Session session) {
        UUID id = confirmed(ctx);
        var outcome = services.status().suspend(session.actor(), id, CredentialInputs.reason(ctx));
        done(ctx, id, outcome.name());
    }

    private void unsuspend(Context ctx, Session session) {
        UUID id = confirmed(ctx);
        done(ctx, id, services.status().unsuspend(session.actor(), id).name());
    }

    private void resend(Context ctx, Session session) {
        UUID id = Forms.id(ctx, "credentialId", "Credential");
        services.delivery().resend(session.actor(), id);
        done(ctx, id, "resent");
    }

    private void bulk(Context ctx, Session session) {
        if (!"yes".equals(ctx.formParam("confirm"))) {
            throw AppException.invalid("confirm: tick the box to confirm");
        }
        List<UUID> ids =
                ctx.formParams("ids").stream()
                        .map(value -> CredentialInputs.uuid("ids", value))
                        .toList();
        if (ids.isEmpty()) {
            throw AppException.invalid("ids: select at least one credential");
        }
        StatusReason reason = CredentialInputs.reason(ctx);
        List<StatusResult> results =
                switch (Forms.field(ctx, "action")) {
                    case "revoke" -> services.status().revokeAll(session.actor(), ids, reason);
                    case "suspend" -> services.status().suspendAll(session.actor(), ids, reason);
                    case "unsuspend" -> services.status().unsuspendAll(session.actor(), ids);
                    default ->
                            throw AppException.invalid(
                                    "action: must be revoke, suspend or unsuspend");
                };
        views.render(
                ctx,
                "credentials/bulk.jte",
                Page.of("Status changes", session),
                "results",
                results);
    }

    private Map<UUID, DeliveryState> deliveryStates(
            Session session, List<CredentialSummary> items) {
        return services.delivery()
                .states(session.actor(), items.stream().map(CredentialSummary::id).toList());
    }

    private static UUID confirmed(Context ctx) {
        UUID id = Forms.id(ctx, "credentialId", "Credential");
        if (!"yes".equals(ctx.formParam("confirm"))) {
            throw AppException.invalid("confirm: tick the box to confirm");
        }
        return id;
    }

    private static void done(Context ctx, UUID id, String outcome) {
        ctx.redirect(
                "/app/credentials/" + id + "?outcome=" + outcome.toLowerCase(java.util.Locale.ROOT),
                HttpStatus.SEE_OTHER);
    }

    /** The message after an action, from a fixed list (the query string is not echoed). */
    private static String notice(String outcome) {
        if (outcome == null) {
            return null;
        }
        return switch (outcome) {
            case "issued" -> "The credential was issued.";
            case "resent" -> "The e-mail was queued again with a new claim link.";
            case "revoked" -> "The credential is revoked.";
            case "already_revoked" -> "The credential was already revoked; nothing changed.";
            case "suspended" -> "The credential is suspended.";
            case "already_suspended" -> "The credential was already suspended; nothing changed.";
            case "unsuspended" -> "The suspension is lifted.";
            case "not_suspended" -> "The credential was not suspended; nothing changed.";
            default -> null;
        };
    }
}
