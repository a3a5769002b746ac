-- Bulk issues: a CSV of recipients checked in a dry run (rows and problems stored), then confirmed
-- and issued by a durable job. Each row carries the idempotency key of its credential, and its
-- state changes from pending to issued in the same transaction as the e-mail it queues, so a job
-- resumed after a crash neither loses nor repeats a credential or an e-mail.

CREATE TABLE bulk_issues (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    issuer_id       UUID NOT NULL REFERENCES issuers (id),
    achievement_id  UUID NOT NULL REFERENCES achievements (id),
    file_name       VARCHAR(255) NOT NULL,
    actor_name      VARCHAR(320) NOT NULL,
    actor_role      VARCHAR(16) NOT NULL,
    format          VARCHAR(32) NOT NULL,
    send_email      BOOLEAN NOT NULL,
    state           VARCHAR(16) NOT NULL
        CHECK (state IN ('draft', 'queued', 'running', 'completed', 'failed', 'cancelled')),
    row_count       INTEGER NOT NULL,
    problem_count   INTEGER NOT NULL,
    skipped_count   INTEGER NOT NULL,
    issued_count    INTEGER NOT NULL DEFAULT 0,
    failed_count    INTEGER NOT NULL DEFAULT 0,
    job_id          UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX bulk_issues_by_organisation ON bulk_issues (organisation_id, created_at);

CREATE TABLE bulk_issue_rows (
    bulk_issue_id   UUID NOT NULL REFERENCES bulk_issues (id),
    line            BIGINT NOT NULL,
    row_data        TEXT NOT NULL,
    idempotency_key VARCHAR(300) NOT NULL,
    state           VARCHAR(16) NOT NULL CHECK (state IN ('pending', 'issued', 'skipped', 'failed')),
    credential_id   UUID REFERENCES credentials (id),
    message         VARCHAR(2000),
    PRIMARY KEY (bulk_issue_id, line)
);

CREATE INDEX bulk_issue_rows_pending ON bulk_issue_rows (bulk_issue_id, state, line);

CREATE TABLE bulk_issue_problems (
    bulk_issue_id UUID NOT NULL REFERENCES bulk_issues (id),
    line          BIGINT NOT NULL,
    position      INTEGER NOT NULL,
    message       VARCHAR(2000) NOT NULL,
    PRIMARY KEY (bulk_issue_id, position)
);
