-- Skill frameworks imported from CSV (ESCO, O*NET, custom) and achievement designs with versions.

CREATE TABLE skill_frameworks (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    name            VARCHAR(200) NOT NULL,
    source          VARCHAR(16) NOT NULL CHECK (source IN ('esco', 'onet', 'custom')),
    version         VARCHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (organisation_id, name, version)
);

CREATE TABLE skills (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    framework_id    UUID NOT NULL REFERENCES skill_frameworks (id),
    code            VARCHAR(200) NOT NULL,
    name            VARCHAR(500) NOT NULL,
    description     VARCHAR(4000),
    url             VARCHAR(2000),
    UNIQUE (framework_id, code)
);

CREATE INDEX skills_by_organisation ON skills (organisation_id);

-- An achievement is a sequence of immutable versions; current_version points at the latest.
CREATE TABLE achievements (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    current_version INTEGER NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX achievements_by_organisation ON achievements (organisation_id);

-- Never updated: a credential names the version it was issued with.
CREATE TABLE achievement_versions (
    achievement_id     UUID NOT NULL REFERENCES achievements (id),
    version            INTEGER NOT NULL,
    name               VARCHAR(200) NOT NULL,
    description        VARCHAR(4000) NOT NULL,
    criteria_narrative VARCHAR(20000) NOT NULL,
    effort_hours       NUMERIC(8, 2),
    achievement_type   VARCHAR(100) NOT NULL,
    credits_available  NUMERIC(8, 2),
    level              VARCHAR(100),
    field_of_study     VARCHAR(200),
    -- JSON array of strings.
    tags               VARCHAR(4000) NOT NULL,
    language           VARCHAR(35),
    image              VARCHAR(1000000),
    -- NULL: no expiry; else credentials expire this many months after issue.
    validity_months    INTEGER,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(320) NOT NULL,
    PRIMARY KEY (achievement_id, version)
);

-- The skill's fields are copied when the version is saved, so a version's Open Badge JSON never
-- changes afterwards, whatever happens to the skill.
CREATE TABLE achievement_alignments (
    achievement_id   UUID NOT NULL,
    version          INTEGER NOT NULL,
    position         INTEGER NOT NULL,
    skill_id         UUID NOT NULL REFERENCES skills (id),
    target_name      VARCHAR(500) NOT NULL,
    target_url       VARCHAR(2000) NOT NULL,
    target_framework VARCHAR(200) NOT NULL,
    target_code      VARCHAR(200) NOT NULL,
    target_description VARCHAR(4000),
    PRIMARY KEY (achievement_id, version, position),
    FOREIGN KEY (achievement_id, version) REFERENCES achievement_versions (achievement_id, version)
);
