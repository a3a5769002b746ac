-- V4 (credentials) and V6 (delivery) were written side by side; now that both exist, delivery rows
-- point at their credential. Deleting a credential is never done by the application (revocation is
-- a status change), so no cascade.

ALTER TABLE credential_deliveries
    ADD CONSTRAINT credential_deliveries_credential FOREIGN KEY (credential_id) REFERENCES credentials (id);
ALTER TABLE email_outbox
    ADD CONSTRAINT email_outbox_credential FOREIGN KEY (credential_id) REFERENCES credentials (id);
ALTER TABLE claim_tokens
    ADD CONSTRAINT claim_tokens_credential FOREIGN KEY (credential_id) REFERENCES credentials (id);
