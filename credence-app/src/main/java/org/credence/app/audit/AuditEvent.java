package org.credence.app.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of an organisation's append-only audit log.
 *
 * @param id the event's public id: random, so that it reveals nothing of other organisations'
 *     events (the log's order is internal)
 * @param organisationId whose log
 * @param occurredAt when
 * @param actor who: a member's email, an API token's name, or {@code system}
 * @param action what, e.g. {@code credential.issued}, {@code credential.revoked}, {@code
 *     key.rotated}
 * @param subject on what, e.g. a credential id
 * @param detail free text (reasons, counts)
 */
public record AuditEvent(
        UUID id,
        UUID organisationId,
        Instant occurredAt,
        String actor,
        String action,
        String subject,
        String detail) {

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }
}
