-- Status lists and issued credentials.
--
-- Every credential gets one index in one status list of its issuer; the same index is published in
-- two Bitstring Status List credentials: <base>/status/<list id> (revocation) and
-- <base>/status/<list id>-s (suspension). The bits are not stored: they are the credentials' own
-- revoked_at / suspended columns, so a status list can never disagree with the credentials.
-- status_lists.version is bumped in the same transaction as every status change, so published
-- lists are regenerated only when they changed.

CREATE TABLE status_lists (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    issuer_id       UUID NOT NULL REFERENCES issuers (id),
    -- Number of entries (bits) of each of the two published lists; at least 131,072.
    length          INTEGER NOT NULL CHECK (length >= 131072),
    -- Indexes reserved so far; a list stops taking new credentials at a configured share.
    allocated       INTEGER NOT NULL,
    is_open         BOOLEAN NOT NULL,
    version         BIGINT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX status_lists_by_issuer ON status_lists (issuer_id, is_open);

-- Reserved indexes, random within the list. The primary key makes a reservation unique even
-- when several nodes pick the same random index at once (the loser retries with another). A
-- reservation whose issuance then failed stays unused: its bits are never set.
CREATE TABLE status_list_entries (
    list_id     UUID NOT NULL REFERENCES status_lists (id),
    list_index  INTEGER NOT NULL,
    reserved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (list_id, list_index)
);

CREATE TABLE credentials (
    -- The public id: the credential's id is <base>/credentials/<id>.
    id                   UUID PRIMARY KEY,
    organisation_id      UUID NOT NULL REFERENCES organisations (id),
    issuer_id            UUID NOT NULL REFERENCES issuers (id),
    achievement_id       UUID NOT NULL,
    achievement_version  INTEGER NOT NULL,
    -- Exactly one of the two recipient identifiers is set; the email is published only as a
    -- salted hash, the other identifier (a DID or URL) as credentialSubject.id.
    recipient_email      VARCHAR(320),
    recipient_identifier VARCHAR(2000),
    recipient_name       VARCHAR(200),
    -- Whether public pages show the recipient's name: the earner's choice, off until chosen.
    show_name            BOOLEAN DEFAULT FALSE NOT NULL,
    format               VARCHAR(16) NOT NULL CHECK (format IN ('data-integrity', 'vc-jwt')),
    -- The signed credential exactly as issued: JSON with a proof, or a compact JWS.
    document             TEXT NOT NULL,
    issued_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_from           TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until          TIMESTAMP WITH TIME ZONE,
    status_list_id       UUID NOT NULL REFERENCES status_lists (id),
    status_index         INTEGER NOT NULL,
    revoked_at           TIMESTAMP WITH TIME ZONE,
    revocation_reason    VARCHAR(1000),
    suspended            BOOLEAN DEFAULT FALSE NOT NULL,
    suspension_reason    VARCHAR(1000),
    idempotency_key      VARCHAR(200),
    -- SHA-256 (hex) of the issue request, to tell a retry from a different request with the same key.
    request_hash         VARCHAR(64),
    UNIQUE (organisation_id, idempotency_key),
    UNIQUE (status_list_id, status_index),
    FOREIGN KEY (achievement_id, achievement_version)
        REFERENCES achievement_versions (achievement_id, version),
    CHECK (recipient_email IS NOT NULL OR recipient_identifier IS NOT NULL)
);

CREATE INDEX credentials_by_organisation ON credentials (organisation_id, issued_at);
CREATE INDEX credentials_by_achievement ON credentials (organisation_id, achievement_id);
