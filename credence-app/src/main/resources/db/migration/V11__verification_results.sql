-- Shareable results of the public verify page (GET /verify/results/{id}): the credential exactly
-- as it was verified (its JSON or compact JWS; never an uploaded image) and the report as Credence
-- JSON. Nobody owns a result: knowing its random id is the permission, as for any shared link.
-- Results expire (30 days by default) and are deleted lazily when new ones are stored.

CREATE TABLE verification_results (
    id          UUID PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    document    TEXT NOT NULL,
    report      TEXT NOT NULL
);

CREATE INDEX verification_results_expiry ON verification_results (expires_at);
