-- Membership needs consent (issue 9): every new member is invited, by e-mail, and joins only by
-- accepting while signed in as (or signing up with) the invited address. Invitations get an id
-- (for revoking one; existing rows take it from their token hash, which reveals nothing of the
-- token) and the inviting member, whose leaving (or losing the owner role) withdraws them.

ALTER TABLE invitations ADD COLUMN id UUID;
ALTER TABLE invitations ADD COLUMN invited_by_user UUID REFERENCES users (id);

UPDATE invitations SET id = CAST(
    SUBSTRING(token_hash FROM 1 FOR 8) || '-' || SUBSTRING(token_hash FROM 9 FOR 4) || '-'
    || SUBSTRING(token_hash FROM 13 FOR 4) || '-' || SUBSTRING(token_hash FROM 17 FOR 4) || '-'
    || SUBSTRING(token_hash FROM 21 FOR 12) AS UUID);

ALTER TABLE invitations ALTER COLUMN id SET NOT NULL;

CREATE UNIQUE INDEX invitations_by_id ON invitations (id);
CREATE INDEX invitations_by_inviter ON invitations (organisation_id, invited_by_user);
