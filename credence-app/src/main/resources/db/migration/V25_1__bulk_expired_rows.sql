-- Bulk rows whose credential would already be expired when issued (its valid_until, given or from
-- the achievement's validity policy, has passed). They are excluded unless the issuer confirms the
-- bulk issue with include_expired. A row is flagged by the dry run or, when its valid_until passes
-- between the dry run and the job, by the job; an excluded row stays 'pending' and is never taken
-- by the job. expired_count counts the flagged rows.
ALTER TABLE bulk_issues ADD COLUMN expired_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE bulk_issues ADD COLUMN include_expired BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE bulk_issue_rows ADD COLUMN expired BOOLEAN DEFAULT FALSE NOT NULL;
