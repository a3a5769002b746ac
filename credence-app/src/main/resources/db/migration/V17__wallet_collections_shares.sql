-- Collections and share links of the learner wallet (issue 5, "collections" and "Sharing").
--
-- Wallet credentials are named by their wallet id: a credential issued here by its public id (it
-- may have no wallet_credentials row: it is found by its recipient), an import by its row id. So
-- collection items and credential shares hold that id without a foreign key, and are resolved
-- against the learner's wallet each time they are read: what has left the wallet is never shown.

-- Whether shares of an imported credential show the learner's name (issued credentials keep
-- the choice in credentials.show_name, which their public page and certificate obey too).
ALTER TABLE wallet_credentials ADD COLUMN show_name BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE wallet_collections (
    id          UUID PRIMARY KEY,
    learner_id  UUID NOT NULL REFERENCES learners (id),
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (learner_id, name)
);

CREATE TABLE wallet_collection_items (
    collection_id UUID NOT NULL REFERENCES wallet_collections (id) ON DELETE CASCADE,
    entry_id      UUID NOT NULL,
    -- The order the learner added them in (1, 2, …).
    position      INTEGER NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (collection_id, entry_id)
);

-- A public link to one credential or one collection. Only the SHA-256 of its 256-bit token is
-- stored (as for claim links). Revoking sets revoked_at; the row stays so the link answers 410.
-- Deleting a collection revokes its links first, then leaves them without a target.
CREATE TABLE wallet_shares (
    id            UUID PRIMARY KEY,
    learner_id    UUID NOT NULL REFERENCES learners (id),
    token_hash    VARCHAR(64) NOT NULL UNIQUE,
    entry_id      UUID,
    collection_id UUID REFERENCES wallet_collections (id) ON DELETE SET NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CHECK ((entry_id IS NOT NULL AND collection_id IS NULL)
        OR (entry_id IS NULL AND collection_id IS NOT NULL)
        OR (entry_id IS NULL AND collection_id IS NULL AND revoked_at IS NOT NULL))
);

CREATE INDEX wallet_collections_by_learner ON wallet_collections (learner_id);
CREATE INDEX wallet_shares_by_learner ON wallet_shares (learner_id);
