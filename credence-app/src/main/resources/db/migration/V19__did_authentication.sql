-- A learner's DID is verified by DID authentication (issue 5): the wallet gives a random challenge,
-- the learner answers with a presentation signed by a key of the DID. The challenge is kept as is
-- (it is not a secret: it is shown on the page and only a key of the DID can answer it); it works
-- until code_expires_at, wrong answers count in code_attempts like wrong codes, and it is cleared
-- once answered, so it is used once.
ALTER TABLE learner_identifiers ADD COLUMN challenge VARCHAR(64);

-- Credentials issued to a DID appear in the wallet of the learner who verified it (found by it).
CREATE INDEX credentials_by_recipient_identifier ON credentials (recipient_identifier);
