package org.credence.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.Objects;
import org.credence.app.AppException;
import org.credence.app.delivery.BounceReport;
import org.credence.app.organization.Actor;
import org.credence.core.json.Jsons;
import org.credence.server.Services;
import org.credence.server.web.Routes;

/**
 * Bounce intake: {@code POST /api/v1/deliveries/bounces} with an issuer's API token. Two forms, one
 * service call each:
 *
 * <ul>
 *   <li>the raw bounce message ({@code message/rfc822} or {@code multipart/report}), as a mail
 *       server returns it to the sender address — e.g. piped from the bounce mailbox by the MTA
 *       ({@code curl --data-binary @- -H 'Content-Type: message/rfc822'}); only permanent failures
 *       count;
 *   <li>JSON {@code {"messageId": "<…>", "reason": "…"}} from a mail provider's webhook adapter.
 * </ul>
 */
public final class DeliveryApi {

    /** A bounce message with the original's headers fits easily; a returned attachment may not. */
    private static final long MAX_BODY = 2L * 1024 * 1024;

    private final Services services;

    public DeliveryApi(Services services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    public void register(Routes routes) {
        routes.api(HandlerType.POST, "/api/v1/deliveries/bounces", MAX_BODY, this::bounce);
    }

    private void bounce(Context ctx, Actor actor) {
        String type =
                ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("message/rfc822") || type.startsWith("multipart/report")) {
            byte[] raw = ctx.bodyAsBytes();
            if (type.startsWith("multipart/report")) {
                // The report arrived without its message headers: put its Content-Type back.
                raw = prefix("Content-Type: " + ctx.contentType() + "\r\n\r\n", raw);
            }
            BounceReport report = services.delivery().recordBounce(actor, raw);
            JsonBodies.send(
                    ctx,
                    200,
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("messageId", report.messageId())
                            .add("action", report.action())
                            .add("status", report.status())
                            .add("bounced", report.permanent())
                            .build());
            return;
        }
        if (!type.startsWith("application/json")) {
            throw AppException.invalid(
                    "Content-Type: send the bounce message as message/rfc822, or JSON"
                            + " {\"messageId\", \"reason\"} as application/json");
        }
        JsonObject body = VcApi.body(ctx);
        String messageId = JsonFields.required(body, "messageId");
        String reason = JsonFields.required(body, "reason");
        services.delivery().markBounced(actor, messageId, reason);
        JsonBodies.send(
                ctx,
                200,
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("messageId", messageId)
                        .add("bounced", true)
                        .build());
    }

    private static byte[] prefix(String head, byte[] body) {
        byte[] headBytes = head.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] joined = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, joined, 0, headBytes.length);
        System.arraycopy(body, 0, joined, headBytes.length, body.length);
        return joined;
    }
}
