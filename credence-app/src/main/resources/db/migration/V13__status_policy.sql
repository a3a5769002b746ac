-- Per-achievement status policy (Open Badges 3.0 allows one credentialStatus entry).
-- 'revocable': one revocation entry (the default for new designs, OB 3.0 conformant);
-- 'revocable-and-suspendable': revocation and suspension entries (valid VC 2.0, outside OB 3.0's
-- one-entry rule until OB 3.1).
-- Existing versions keep what they did: their credentials were issued with both entries.
ALTER TABLE achievement_versions
    ADD COLUMN status_policy VARCHAR(32) DEFAULT 'revocable-and-suspendable' NOT NULL;
ALTER TABLE achievement_versions ALTER COLUMN status_policy DROP DEFAULT;
ALTER TABLE achievement_versions ADD CONSTRAINT achievement_versions_status_policy
    CHECK (status_policy IN ('revocable', 'revocable-and-suspendable'));

-- Whether a credential's document carries a suspension entry: suspending one without it would
-- change a list no verifier of that credential reads. Every earlier credential has both entries.
ALTER TABLE credentials ADD COLUMN suspendable BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE credentials ALTER COLUMN suspendable DROP DEFAULT;
