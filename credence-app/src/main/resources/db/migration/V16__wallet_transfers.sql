-- Sending a claimed credential to a standards wallet (issue 5, "Other wallets").
--
-- OpenID for Verifiable Credential Issuance 1.0, pre-authorised code flow: an offer is created on
-- the claim page; its URI carries a random token, and each fetch of the offer object mints a new
-- pre-authorised code (the latest one is valid). The code is redeemed once for a short-lived
-- access token. Only SHA-256 hashes of the offer token, the code and the access token are stored.
CREATE TABLE wallet_offers (
    offer_hash       VARCHAR(64) PRIMARY KEY,
    credential_id    UUID NOT NULL REFERENCES credentials (id),
    configuration_id VARCHAR(64) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    code_hash        VARCHAR(64) UNIQUE,
    redeemed_at      TIMESTAMP WITH TIME ZONE,
    token_hash       VARCHAR(64) UNIQUE,
    token_expires_at TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    holder_id        VARCHAR(2000)
);

CREATE INDEX wallet_offers_by_credential ON wallet_offers (credential_id);
CREATE INDEX wallet_offers_expiry ON wallet_offers (expires_at);

-- c_nonce values of the nonce endpoint: single use (deleted when a key proof uses one).
CREATE TABLE wallet_nonces (
    nonce_hash VARCHAR(64) PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX wallet_nonces_expiry ON wallet_nonces (expires_at);

-- VC-API exchanges (as the DCC Learner Credential Wallet runs them): the random exchange id is
-- the URL secret; the wallet answers a DID Authentication request bound to the challenge, once.
CREATE TABLE wallet_exchanges (
    id            UUID PRIMARY KEY,
    credential_id UUID NOT NULL REFERENCES credentials (id),
    challenge     VARCHAR(64) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE,
    holder_id     VARCHAR(2000)
);

CREATE INDEX wallet_exchanges_by_credential ON wallet_exchanges (credential_id);
