-- Credentials issued through the W3C VC-API (POST /credentials/issue): the caller provides the
-- whole unsigned Open Badges 3.0 credential, so its achievement is the one in the document, not
-- one of the organisation's designs. Such rows have no achievement reference; their achievement's
-- name (for lists) is kept in provided_achievement_name.

ALTER TABLE credentials ALTER COLUMN achievement_id DROP NOT NULL;
ALTER TABLE credentials ALTER COLUMN achievement_version DROP NOT NULL;
ALTER TABLE credentials ADD COLUMN provided_achievement_name VARCHAR(500);
