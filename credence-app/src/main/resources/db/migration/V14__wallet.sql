-- The learner wallet: learners (earners) with their own accounts, apart from organisation members;
-- their identifiers (e-mail addresses, DIDs) with pending verification codes; their sessions; and
-- the credentials in their wallets.
--
-- A learner's identifier counts (credentials issued to it appear in the wallet) only once it is
-- verified. verified_value is the value once verified and NULL before: its unique constraint lets
-- many learners add the same address, but only one verify it (NULLs never collide, in both engines;
-- H2 has no partial indexes).

CREATE TABLE learners (
    id            UUID PRIMARY KEY,
    -- The address the learner signs in with (lowercased); also one of their identifiers.
    email         VARCHAR(320) NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE learner_sessions (
    token_hash  VARCHAR(64) PRIMARY KEY,
    learner_id  UUID NOT NULL REFERENCES learners (id),
    csrf_token  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX learner_sessions_by_learner ON learner_sessions (learner_id);

CREATE TABLE learner_identifiers (
    id              UUID PRIMARY KEY,
    learner_id      UUID NOT NULL REFERENCES learners (id),
    kind            VARCHAR(8) NOT NULL CHECK (kind IN ('email', 'did')),
    -- E-mail addresses lowercased; DIDs as given.
    identifier      VARCHAR(2000) NOT NULL,
    verified_value  VARCHAR(2000),
    verified_at     TIMESTAMP WITH TIME ZONE,
    -- The pending code, hashed like a password (Argon2id): a leaked row does not give the code.
    code_hash       VARCHAR(200),
    code_sent_at    TIMESTAMP WITH TIME ZONE,
    code_expires_at TIMESTAMP WITH TIME ZONE,
    code_attempts   INTEGER DEFAULT 0 NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (learner_id, kind, identifier),
    UNIQUE (kind, verified_value)
);

CREATE INDEX learner_identifiers_by_learner ON learner_identifiers (learner_id);

-- A credential in a wallet: one issued by this installation (claimed into the wallet) or one
-- imported from elsewhere (the credential as text: JSON, or a compact JWS; a baked image's
-- credential is extracted), with its verdict when imported. Credentials issued here to one of the
-- learner's verified e-mail addresses appear without a row (they are found by their recipient).
CREATE TABLE wallet_credentials (
    id              UUID PRIMARY KEY,
    learner_id      UUID NOT NULL REFERENCES learners (id),
    source          VARCHAR(8) NOT NULL CHECK (source IN ('issued', 'imported')),
    credential_id   UUID REFERENCES credentials (id),
    document        TEXT,
    -- How the import was read (json, jwt, png, svg …) and where from (a URL), if fetched.
    import_format   VARCHAR(16),
    source_url      VARCHAR(2000),
    import_verdict  VARCHAR(16),
    -- Whether the imported credential names one of the learner's verified identifiers.
    addressed       BOOLEAN DEFAULT TRUE NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (learner_id, credential_id),
    CHECK ((source = 'issued' AND credential_id IS NOT NULL)
        OR (source = 'imported' AND document IS NOT NULL))
);

CREATE INDEX wallet_credentials_by_learner ON wallet_credentials (learner_id, added_at);

-- E-mails to learners (identifier codes) belong to no organisation.
ALTER TABLE email_outbox ALTER COLUMN organisation_id DROP NOT NULL;
