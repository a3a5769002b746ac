-- A credential issued through the W3C VC-API may carry an id of the caller's choosing (any URL:
-- https:, did:, urn:…) or be named by options.credentialId. Credence keeps its own public id
-- (credentials.id, in <base>/credentials/<id>) and records the caller's id here, so that
-- POST /credentials/status can find the credential by it. Unique per organisation: issuing a
-- second credential under the same id is a conflict.

ALTER TABLE credentials ADD COLUMN external_id VARCHAR(2000);
CREATE UNIQUE INDEX credentials_by_external_id ON credentials (organisation_id, external_id);
