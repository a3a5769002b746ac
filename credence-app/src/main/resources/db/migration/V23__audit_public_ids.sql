-- Audit events get a random public id: the identity column is one sequence shared by every
-- organisation, so showing it let one organisation count another's events between two of its own.
-- The identity column stays the log's internal order; only public_id leaves the database.
ALTER TABLE audit_events ADD COLUMN public_id UUID;
UPDATE audit_events SET public_id = gen_random_uuid();
ALTER TABLE audit_events ALTER COLUMN public_id SET NOT NULL;
CREATE UNIQUE INDEX audit_events_by_public_id ON audit_events (organisation_id, public_id);
