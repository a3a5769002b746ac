-- Accounts: a session acts for one organisation (a person may belong to several), and owners
-- invite people who have no account yet. Only SHA-256 hashes of secret tokens are stored.

ALTER TABLE sessions ADD COLUMN organisation_id UUID REFERENCES organisations (id);

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE invitations (
    token_hash      VARCHAR(64) PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    email           VARCHAR(320) NOT NULL,
    role            VARCHAR(16) NOT NULL CHECK (role IN ('owner', 'issuer', 'viewer')),
    invited_by      VARCHAR(320) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (organisation_id, email)
);
