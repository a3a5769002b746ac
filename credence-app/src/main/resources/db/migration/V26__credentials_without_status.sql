-- VC Data Model 2.0 lets a credential carry no credentialStatus; the VC-API issue endpoint issues
-- one on request (options.credentialStatus: false). Such a credential still reserves its status
-- index (status_list_id stays NOT NULL) but its document points at no list: revoking or
-- suspending it would set a bit no verifier of it reads, so both are refused while revocable is
-- false. Every earlier credential carries Credence's revocation entry.
ALTER TABLE credentials ADD COLUMN revocable BOOLEAN DEFAULT TRUE NOT NULL;
-- VC 2.0 also lets a credential subject name no one (no id, no identifier: a bearer credential).
-- V4's check wants a recipient column set, so such a provided credential records the empty
-- recipient_identifier '', which readers show as no recipient and which matches no one.
