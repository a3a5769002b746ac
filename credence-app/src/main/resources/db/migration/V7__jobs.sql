-- Durable background jobs, shared by every node of an installation. A worker claims a due job by
-- taking a lease (lease_owner, lease_until) that it extends with heartbeats; a job whose lease
-- ran out (its worker crashed or was killed) is claimed again by another worker.

CREATE TABLE jobs (
    id              UUID PRIMARY KEY,
    organisation_id UUID REFERENCES organisations (id),
    kind            VARCHAR(100) NOT NULL,
    payload         TEXT NOT NULL,
    state           VARCHAR(16) NOT NULL
                    CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    max_attempts    INTEGER NOT NULL,
    run_after       TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner     VARCHAR(200),
    lease_until     TIMESTAMP WITH TIME ZONE,
    progress_done   BIGINT NOT NULL DEFAULT 0,
    progress_total  BIGINT NOT NULL DEFAULT 0,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX jobs_due ON jobs (state, run_after);
CREATE INDEX jobs_by_organisation ON jobs (organisation_id, created_at);
