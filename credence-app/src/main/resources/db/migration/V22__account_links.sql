-- Links e-mailed to prove a mailbox: confirming a new sign-up's address (the account exists only
-- once the link is used) and resetting a password. Only the SHA-256 of the link's token is stored;
-- a link works once and expires. A sign-up link keeps what the form asked for, the password as its
-- Argon2id hash only.

CREATE TABLE account_links (
    token_hash        VARCHAR(64) PRIMARY KEY,
    purpose           VARCHAR(16) NOT NULL CHECK (purpose IN ('signup', 'reset')),
    audience          VARCHAR(16) NOT NULL CHECK (audience IN ('member', 'learner')),
    email             VARCHAR(320) NOT NULL,
    display_name      VARCHAR(200),
    organisation_name VARCHAR(200),
    password_hash     VARCHAR(200),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX account_links_by_email ON account_links (audience, email);
