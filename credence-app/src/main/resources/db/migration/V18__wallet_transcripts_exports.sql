-- CLR 2.0 transcripts a learner made in their wallet (issue 5): the signed ClrCredential exactly as
-- the platform signed it, kept so it can be downloaded again, exported, merged and erased with the
-- learner. Exports need no storage: the archive is written while it is downloaded.
CREATE TABLE wallet_transcripts (
    id               UUID PRIMARY KEY,
    learner_id       UUID NOT NULL REFERENCES learners (id),
    name             VARCHAR(400) NOT NULL,
    document         TEXT NOT NULL,
    credential_count INTEGER NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX wallet_transcripts_by_learner ON wallet_transcripts (learner_id, created_at);
