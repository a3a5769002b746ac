-- Issuer identity (issue 9, points 2 and 15).
--
-- key_did: set for an issuer whose identifier is a did:key (its first and only key); NULL for
-- did:web issuers, whose DID is derived from the base URL and the slug.
ALTER TABLE issuers ADD COLUMN key_did VARCHAR(200);
CREATE UNIQUE INDEX issuers_by_key_did ON issuers (key_did);

-- Vetting by an installation operator (CREDENCE_OPERATOR_EMAILS): only vetted issuers (or those
-- a configured trust registry lists) pass the verifier's issuer trust check.
ALTER TABLE issuers ADD COLUMN vetted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE issuers ADD COLUMN vetted_by VARCHAR(320);

-- Domain verification of the issuer's URL: the owner publishes domain_token at
-- https://<domain_host>/.well-known/credence-issuer-verification.txt; domain_verified_at is set
-- when the server found it there. A URL with another host clears all four.
ALTER TABLE issuers ADD COLUMN domain_host VARCHAR(300);
ALTER TABLE issuers ADD COLUMN domain_token VARCHAR(100);
ALTER TABLE issuers ADD COLUMN domain_verified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE issuers ADD COLUMN domain_verified_by VARCHAR(320);
