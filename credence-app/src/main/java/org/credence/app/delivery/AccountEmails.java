package org.credence.app.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The e-mails about a person's own account (confirming a sign-up, resetting or having changed a
 * password), queued in the outbox in the caller's transaction and sent by the {@link OutboxSender}
 * like every other e-mail. They belong to no organisation. Immutable and thread-safe.
 */
public final class AccountEmails {

    /** Which e-mail, by its template's name. */
    public enum Kind {
        /** The link that confirms a new sign-up's address: {@code link}, {@code hours}. */
        CONFIRM_SIGN_UP("signup-confirm"),
        /** To an address that has an account already: {@code loginUrl}, {@code resetUrl}. */
        ALREADY_SIGNED_UP("signup-existing"),
        /** The single-use link that sets a new password: {@code link}, {@code minutes}. */
        RESET_PASSWORD("password-reset"),
        /** After a password change or reset: {@code resetUrl}. */
        PASSWORD_CHANGED("password-changed");

        private final EmailTemplate template;

        Kind(String template) {
            this.template = EmailTemplate.load(template);
        }
    }

    private final Clock clock;
    private final OutboxStore outbox = new OutboxStore();

    public AccountEmails(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Queues the e-mail; {@code values} fill its placeholders, and {@code account} (for example
     * "Credence organisation account" or "Credence wallet") names what it is about.
     *
     * @return the outbox id of the e-mail
     */
    public UUID queue(
            Handle handle, String to, Kind kind, String account, Map<String, String> values) {
        Objects.requireNonNull(to, "to");
        java.util.HashMap<String, String> all = new java.util.HashMap<>(values);
        all.put("account", account);
        EmailTemplate.RenderedEmail rendered = kind.template.render(all);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        outbox.insert(
                handle,
                new OutboxMessage(
                        id,
                        Optional.empty(),
                        Optional.empty(),
                        new EmailMessage(
                                id, to, rendered.subject(), rendered.text(), rendered.html()),
                        OutboxState.QUEUED,
                        0,
                        now,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        now));
        return id;
    }
}
