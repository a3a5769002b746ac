-- E-mail delivery of credentials: the outbox that the sender drains, what each credential's
-- e-mail was built from (so that it can be resent), and claim tokens.
--
-- credential_id columns get their foreign keys to credentials in V9 (V4 and V6 were written in
-- parallel).

CREATE TABLE credential_deliveries (
    credential_id    UUID PRIMARY KEY,
    organisation_id  UUID NOT NULL REFERENCES organisations (id),
    to_address       VARCHAR(320) NOT NULL,
    recipient_name   VARCHAR(200) NOT NULL,
    achievement_name VARCHAR(500) NOT NULL,
    issuer_name      VARCHAR(200) NOT NULL,
    base_url         VARCHAR(500) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX credential_deliveries_by_organisation
    ON credential_deliveries (organisation_id, created_at);

-- A message is claimed by a sender by moving next_attempt_at past the send (a visibility
-- timeout), so two senders never send the same row and a crashed sender's row becomes due again.
CREATE TABLE email_outbox (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    credential_id   UUID,
    to_address      VARCHAR(320) NOT NULL,
    subject         VARCHAR(500) NOT NULL,
    text            TEXT NOT NULL,
    html            TEXT NOT NULL,
    state           VARCHAR(16) NOT NULL
                    CHECK (state IN ('queued', 'sent', 'failed', 'bounced')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    message_id      VARCHAR(500),
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX email_outbox_due ON email_outbox (state, next_attempt_at);
CREATE INDEX email_outbox_by_credential ON email_outbox (credential_id, created_at);
CREATE INDEX email_outbox_by_message_id ON email_outbox (message_id);

-- Only the SHA-256 of a claim token is stored: the token itself is in the e-mail alone.
CREATE TABLE claim_tokens (
    token_hash    VARCHAR(64) PRIMARY KEY,
    credential_id UUID NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX claim_tokens_by_credential ON claim_tokens (credential_id);
