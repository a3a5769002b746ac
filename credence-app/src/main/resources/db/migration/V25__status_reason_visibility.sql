-- Whether the reason an issuer gave for revoking or suspending a credential is public: shown on the
-- credential's public page and in verification results. The recipient is always told the reason
-- (claim page, e-mail). Reasons given before this migration were already shown publicly, so the
-- existing rows stay public.
ALTER TABLE credentials ADD COLUMN revocation_reason_public BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE credentials ADD COLUMN suspension_reason_public BOOLEAN DEFAULT TRUE NOT NULL;
