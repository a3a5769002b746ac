-- Issuer profiles, published as did:web:<host>:issuers:<slug>, and their signing keys.
-- The slug is unique across the installation (not only within an organisation): it is the last
-- segment of a public DID, and two issuers must never answer to the same DID.

CREATE TABLE issuers (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    slug            VARCHAR(64) NOT NULL UNIQUE,
    name            VARCHAR(200) NOT NULL,
    url             VARCHAR(2000),
    email           VARCHAR(320),
    description     VARCHAR(4000),
    -- An absolute URL or a data: URL (up to ~700 KB of base64).
    image           VARCHAR(1000000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX issuers_by_organisation ON issuers (organisation_id);

-- One row per key an issuer ever had. Retired keys stay: they remain in the DID document so that
-- every credential signed with them still verifies. The secret is AES-256-GCM ciphertext
-- ("v1:" + base64 of nonce || ciphertext || tag) under the master key, bound to the issuer id.
CREATE TABLE issuer_keys (
    id                   UUID PRIMARY KEY,
    issuer_id            UUID NOT NULL REFERENCES issuers (id),
    key_number           INTEGER NOT NULL,
    key_type             VARCHAR(16) NOT NULL CHECK (key_type IN ('ed25519', 'p256')),
    public_key_multibase VARCHAR(200) NOT NULL,
    encrypted_secret     VARCHAR(400) NOT NULL,
    status               VARCHAR(16) NOT NULL CHECK (status IN ('active', 'retired')),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at           TIMESTAMP WITH TIME ZONE,
    UNIQUE (issuer_id, key_number)
);

-- The installation's own keys (did:web:<host>, served at /.well-known/did.json), e.g. for CLR
-- transcripts. A separate table rather than issuer_keys with a NULL issuer: the primary key on
-- key_number makes concurrent first-use generation on several nodes safe (one insert wins).
CREATE TABLE platform_keys (
    key_number           INTEGER PRIMARY KEY,
    key_type             VARCHAR(16) NOT NULL CHECK (key_type IN ('ed25519', 'p256')),
    public_key_multibase VARCHAR(200) NOT NULL,
    encrypted_secret     VARCHAR(400) NOT NULL,
    status               VARCHAR(16) NOT NULL CHECK (status IN ('active', 'retired')),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at           TIMESTAMP WITH TIME ZONE
);
