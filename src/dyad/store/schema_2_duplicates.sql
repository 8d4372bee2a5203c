-- dyad store, schema version 2: near-duplicate articles (wire copies). Portable SQL (DuckDB and
-- PostgreSQL 15; DuckDB reads BYTEA as BLOB).
-- article_signatures: the MinHash signature (dyad.ingest.dedup.signature) of every coded
-- canonical article, replayed in recorded_at order to rebuild the duplicate index on restart.
-- duplicates: articles found to be copies of a stored one; they are never coded or stored as
-- articles, only linked to their canonical article here.

CREATE TABLE article_signatures (
    article_id    TEXT PRIMARY KEY,
    signature     BYTEA NOT NULL,
    canonical_id  TEXT,
    recorded_at   TIMESTAMP NOT NULL
);

CREATE TABLE duplicates (
    article_id    TEXT PRIMARY KEY,
    canonical_id  TEXT NOT NULL,
    origin        TEXT,
    title         TEXT,
    url           TEXT,
    source        TEXT,
    date          TEXT,
    similarity    DOUBLE PRECISION,
    recorded_at   TIMESTAMP NOT NULL
);
CREATE INDEX duplicates_canonical ON duplicates (canonical_id);
