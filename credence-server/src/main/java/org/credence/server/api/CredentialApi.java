package org.credence.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.award.AfterStore;
import org.credence.app.award.EvidenceInput;
import org.credence.app.award.IssueRequest;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.CredentialPage;
import org.credence.app.credential.CredentialSummary;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.delivery.DeliveryState;
import org.credence.app.organization.Actor;
import org.credence.app.status.StatusOutcome;
import org.credence.app.status.StatusReason;
import org.credence.app.status.StatusResult;
import org.credence.core.json.Jsons;
import org.credence.server.Services;
import org.credence.server.web.Forms;
import org.credence.server.web.Routes;
import org.credence.server.web.credential.CredentialInputs;

/**
 * {@code /api/v1/credentials}: issue one credential (an {@code Idempotency-Key} header makes
 * retries safe), list and read the organisation's credentials with status and delivery, revoke,
 * suspend, unsuspend, resend, and revoke in bulk. A status change that changes nothing answers 409
 * saying why, so two racing revocations get one success and one clear refusal.
 */
public final class CredentialApi {

    private final Services services;
    private final String baseUrl;

    public CredentialApi(Services services) {
        this.services = Objects.requireNonNull(services, "services");
        this.baseUrl = services.host().base();
    }

    public void register(Routes routes) {
        routes.api(HandlerType.POST, "/api/v1/credentials", this::issue);
        routes.api(HandlerType.GET, "/api/v1/credentials", this::list);
        routes.api(HandlerType.POST, "/api/v1/credentials/revoke", this::revokeAll);
        routes.api(HandlerType.GET, "/api/v1/credentials/{credentialId}", this::get);
        routes.api(
                HandlerType.POST,
                "/api/v1/credentials/{credentialId}/revoke",
                (ctx, actor) -> status(ctx, services.status().revoke(actor, id(ctx), reason(ctx))));
        routes.api(
                HandlerType.POST,
                "/api/v1/credentials/{credentialId}/suspend",
                (ctx, actor) ->
                        status(ctx, services.status().suspend(actor, id(ctx), reason(ctx))));
        routes.api(
                HandlerType.POST,
                "/api/v1/credentials/{credentialId}/unsuspend",
                (ctx, actor) -> status(ctx, services.status().unsuspend(actor, id(ctx))));
        routes.api(
                HandlerType.POST,
                "/api/v1/credentials/{credentialId}/resend",
                (ctx, actor) -> {
                    UUID emailId = services.delivery().resend(actor, id(ctx));
                    JsonBodies.send(
                            ctx,
                            202,
                            Jsons.PROVIDER
                                    .createObjectBuilder()
                                    .add("emailId", emailId.toString())
                                    .build());
                });
    }

    private void issue(Context ctx, Actor actor) {
        JsonObject body = JsonBodies.object(ctx);
        IssueRequest request = request(body);
        String key = ctx.header("Idempotency-Key");
        if (key != null && !key.isBlank()) {
            request = request.withIdempotencyKey(key.strip());
        }
        boolean sendEmail = body.getBoolean("sendEmail", false);
        IssuedCredential issued =
                services.awards()
                        .issue(
                                actor,
                                request,
                                sendEmail
                                        ? services.delivery().emailOnIssue(baseUrl)
                                        : AfterStore.NONE);
        ctx.header("Location", "/api/v1/credentials/" + issued.id());
        JsonBodies.send(
                ctx,
                issued.replayed() ? 200 : 201,
                Jsons.PROVIDER
                        .createObjectBuilder(credential(actor, issued.id()))
                        .add("replayed", issued.replayed())
                        .add("document", issued.document())
                        .build());
    }

    private void list(Context ctx, Actor actor) {
        CredentialPage page = services.credentials().list(actor, CredentialInputs.query(ctx, 50));
        Map<UUID, DeliveryState> delivery =
                services.delivery()
                        .states(actor, page.items().stream().map(CredentialSummary::id).toList());
        JsonArrayBuilder items = Jsons.PROVIDER.createArrayBuilder();
        page.items().forEach(item -> items.add(summary(item, delivery.get(item.id()))));
        JsonBodies.send(
                ctx,
                200,
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("items", items)
                        .add("total", page.total())
                        .add("page", page.page())
                        .add("pageSize", page.pageSize())
                        .build());
    }

    private void get(Context ctx, Actor actor) {
        JsonBodies.send(ctx, 200, credential(actor, id(ctx)));
    }

    private void revokeAll(Context ctx, Actor actor) {
        JsonObject body = JsonBodies.object(ctx);
        JsonValue value = body.get("ids");
        if (!(value instanceof JsonArray array)) {
            throw AppException.invalid("ids: is required (an array of credential ids)");
        }
        List<UUID> ids = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString text)) {
                throw AppException.invalid("ids[" + i + "]: must be a credential id");
            }
            ids.add(CredentialInputs.uuid("ids[" + i + "]", text.getString()));
        }
        List<StatusResult> results = services.status().revokeAll(actor, ids, reason(body));
        JsonArrayBuilder list = Jsons.PROVIDER.createArrayBuilder();
        results.forEach(
                result ->
                        list.add(
                                Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add("id", result.credentialId().toString())
                                        .add("outcome", word(result.outcome()))));
        JsonBodies.send(
                ctx, 200, Jsons.PROVIDER.createObjectBuilder().add("results", list).build());
    }

    private void status(Context ctx, StatusOutcome outcome) {
        if (!outcome.changed()) {
            throw new AppException(
                    Problem.CONFLICT,
                    switch (outcome) {
                        case ALREADY_REVOKED -> "The credential was already revoked";
                        case ALREADY_SUSPENDED -> "The credential was already suspended";
                        case NOT_SUSPENDED -> "The credential is not suspended";
                        default -> "Nothing changed: " + word(outcome);
                    });
        }
        JsonBodies.send(
                ctx,
                200,
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", ctx.pathParam("credentialId"))
                        .add("outcome", word(outcome))
                        .build());
    }

    private JsonObject credential(Actor actor, UUID id) {
        CredentialSummary summary = services.credentials().get(actor, id);
        JsonObjectBuilder json =
                Jsons.PROVIDER.createObjectBuilder(
                        summary(summary, services.delivery().states(actor, List.of(id)).get(id)));
        services.delivery().emails(actor, id).stream()
                .findFirst()
                .ifPresent(
                        latest -> {
                            JsonObjectBuilder email =
                                    Jsons.PROVIDER
                                            .createObjectBuilder()
                                            .add("to", latest.email().to())
                                            .add("state", word(latest.state().name()))
                                            .add(
                                                    "count",
                                                    services.delivery().emails(actor, id).size());
                            // The Message-ID lets a mail provider's bounce webhook name the e-mail.
                            latest.messageId().ifPresent(value -> email.add("messageId", value));
                            latest.lastError().ifPresent(value -> email.add("lastError", value));
                            json.add("email", email);
                        });
        return json.build();
    }

    private JsonObject summary(CredentialSummary item, DeliveryState delivery) {
        String url = baseUrl + "/credentials/" + item.id();
        JsonObjectBuilder recipient = Jsons.PROVIDER.createObjectBuilder();
        item.recipientEmail().ifPresent(value -> recipient.add("email", value));
        item.recipientIdentifier().ifPresent(value -> recipient.add("identifier", value));
        item.recipientName().ifPresent(value -> recipient.add("name", value));
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", item.id().toString())
                        .add("url", url)
                        .add("documentUrl", url + ".json")
                        .add("achievementId", item.achievementId().toString())
                        .add("achievementVersion", item.achievementVersion())
                        .add("achievementName", item.achievementName())
                        .add("recipient", recipient)
                        .add("format", item.format().value())
                        .add("issuedAt", item.issuedAt().toString())
                        .add("status", word(item.state().name()))
                        .add("suspendable", item.suspendable())
                        .add("delivery", delivery == null ? "none" : word(delivery.name()));
        item.validUntil().ifPresent(value -> json.add("validUntil", value.toString()));
        item.statusReason().ifPresent(value -> json.add("statusReason", value));
        return json.build();
    }

    private static IssueRequest request(JsonObject body) {
        JsonObject recipient = object(body, "recipient");
        Optional<String> email = optional(recipient, "recipient.email");
        Optional<String> identifier = optional(recipient, "recipient.identifier");
        Optional<String> name = optional(recipient, "recipient.name");
        return new IssueRequest(
                CredentialInputs.uuid("issuerId", JsonBodies.string(body, "issuerId")),
                CredentialInputs.uuid("achievementId", JsonBodies.string(body, "achievementId")),
                new org.credence.app.award.AwardRecipient(email, identifier, name),
                optional(body, "narrative"),
                evidence(body),
                optional(body, "result"),
                credits(body),
                optional(body, "validFrom").map(value -> instant("validFrom", value)),
                optional(body, "validUntil").map(value -> instant("validUntil", value)),
                SecuringFormat.fromValue(optional(body, "format").orElse("data-integrity")),
                Optional.empty());
    }

    private static List<EvidenceInput> evidence(JsonObject body) {
        JsonValue value = body.get("evidence");
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw AppException.invalid("evidence: must be an array");
        }
        List<EvidenceInput> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject item)) {
                throw AppException.invalid("evidence[" + i + "]: must be an object");
            }
            items.add(
                    new EvidenceInput(
                            optional(item, "evidence[" + i + "].url", "url"),
                            optional(item, "evidence[" + i + "].narrative", "narrative"),
                            optional(item, "evidence[" + i + "].name", "name"),
                            optional(item, "evidence[" + i + "].description", "description")));
        }
        return items;
    }

    private static Optional<BigDecimal> credits(JsonObject body) {
        JsonValue value = body.get("creditsEarned");
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.bigDecimalValue());
        }
        if (value instanceof JsonString text) {
            return Optional.of(CredentialInputs.decimal("creditsEarned", text.getString()));
        }
        throw AppException.invalid("creditsEarned: must be a number");
    }

    private static JsonObject object(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonObject object)) {
            throw AppException.invalid(
                    name + ": is required (an object with email or identifier, and name)");
        }
        return object;
    }

    /** An optional string member named by the last part of {@code field}. */
    private static Optional<String> optional(JsonObject body, String field) {
        return optional(body, field, field.substring(field.lastIndexOf('.') + 1));
    }

    private static Optional<String> optional(JsonObject body, String field, String member) {
        JsonValue value = body.get(member);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw AppException.invalid(field + ": must be a string");
        }
        return Optional.of(text.getString());
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw AppException.invalid(
                    field + ": must be a date and time such as 2026-01-31T12:00:00Z");
        }
    }

    /** The optional {@code reason} and {@code reasonPublic} (default true) of a status change. */
    private static StatusReason reason(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return StatusReason.NONE;
        }
        return reason(JsonBodies.object(ctx));
    }

    private static StatusReason reason(JsonObject body) {
        JsonValue reason = body.get("reason");
        if (reason != null && reason != JsonValue.NULL && !(reason instanceof JsonString)) {
            throw AppException.invalid("reason: must be a string");
        }
        JsonValue visible = body.get("reasonPublic");
        if (visible != null && visible != JsonValue.TRUE && visible != JsonValue.FALSE) {
            throw AppException.invalid(
                    "reasonPublic: must be true (the public page and verifiers show the reason;"
                            + " the default) or false (only the recipient is told)");
        }
        String text = reason instanceof JsonString string ? string.getString() : "";
        return visible == JsonValue.FALSE
                ? StatusReason.privately(text)
                : StatusReason.publicly(text);
    }

    private static UUID id(Context ctx) {
        return Forms.id(ctx, "credentialId", "Credential");
    }

    private static String word(StatusOutcome outcome) {
        return word(outcome.name());
    }

    private static String word(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
