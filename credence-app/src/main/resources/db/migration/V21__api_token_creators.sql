-- API tokens belong to the membership of the member who created them (issue 9): removing the
-- member revokes them, and a token never acts with more than its creator's current role.
--
-- Tokens made before this had no recorded creator. The audit log names who created each
-- ('token.created', subject = the token id, actor = the member's e-mail address); a token whose
-- creator is found there and is still a member of the token's organisation is given to them.
-- Every other live token (made by another API token, or by someone no longer a member) is revoked
-- here: it can no longer be tied to a membership, and a removed member's token is exactly what
-- must stop working.

ALTER TABLE api_tokens ADD COLUMN created_by UUID REFERENCES users (id);
ALTER TABLE api_tokens ADD COLUMN revoked_reason VARCHAR(200);

UPDATE api_tokens SET created_by = (
    SELECT m.user_id
    FROM audit_events a
    JOIN users u ON u.email = a.actor
    JOIN memberships m ON m.user_id = u.id AND m.organisation_id = a.organisation_id
    WHERE a.organisation_id = api_tokens.organisation_id
      AND a.action = 'token.created'
      AND a.subject = CAST(api_tokens.id AS VARCHAR(36))
    ORDER BY a.id
    LIMIT 1);

UPDATE api_tokens
SET revoked_at = CURRENT_TIMESTAMP,
    revoked_reason = 'its creator could not be told or is no longer a member (upgrade)'
WHERE created_by IS NULL AND revoked_at IS NULL;

CREATE INDEX api_tokens_by_creator ON api_tokens (organisation_id, created_by);
