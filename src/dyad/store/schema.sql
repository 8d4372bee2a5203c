-- dyad store, schema version 1. Portable SQL: runs unchanged on DuckDB and PostgreSQL 15.
-- Column names of events, quotes, mentions, places and dates are the flattened keys of the
-- values in dyad/article.py (store/rows.py derives them; a test checks this file against it).
-- Dates are ISO text ('2026-01-08'): they round-trip exactly and compare correctly as text.
-- No foreign keys: DuckDB rewrites updates of referenced rows as delete+insert and rejects them.

CREATE TABLE articles (
    article_id   TEXT PRIMARY KEY,
    date         TEXT,
    date_source  TEXT NOT NULL,
    title        TEXT,
    url          TEXT,
    source       TEXT,
    language     TEXT,
    origin       TEXT,
    text         TEXT,
    body_start   INTEGER NOT NULL DEFAULT 0,
    coder        TEXT,
    coded_at     TIMESTAMP NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    error        TEXT
);

CREATE TABLE events (
    event_id                  TEXT PRIMARY KEY,
    article_id                TEXT NOT NULL,
    ordinal                   INTEGER NOT NULL,
    event_type                TEXT NOT NULL,
    mode                      TEXT,
    context                   TEXT,
    cameo                     TEXT,
    reciprocal                BOOLEAN NOT NULL,
    confidence                DOUBLE PRECISION NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    trigger_text              TEXT NOT NULL,
    trigger_start             INTEGER NOT NULL,
    trigger_end               INTEGER NOT NULL,
    source_text               TEXT,
    source_start              INTEGER,
    source_end                INTEGER,
    source_actor_id           TEXT,
    source_actor_name         TEXT,
    source_actor_country      TEXT,
    source_actor_sector       TEXT,
    source_actor_kind         TEXT,
    source_actor_resolved_by  TEXT,
    target_text               TEXT,
    target_start              INTEGER,
    target_end                INTEGER,
    target_actor_id           TEXT,
    target_actor_name         TEXT,
    target_actor_country      TEXT,
    target_actor_sector       TEXT,
    target_actor_kind         TEXT,
    target_actor_resolved_by  TEXT,
    location_text             TEXT,
    location_start            INTEGER,
    location_end              INTEGER,
    location_geonameid        INTEGER,
    location_name             TEXT,
    location_lat              DOUBLE PRECISION,
    location_lon              DOUBLE PRECISION,
    location_admin1           TEXT,
    location_country          TEXT,
    location_precision        TEXT,
    location_within           TEXT,
    location_linked_by        TEXT,
    date                      TEXT,
    date_precision            TEXT NOT NULL,
    date_text                 TEXT,
    sentence_start            INTEGER NOT NULL,
    sentence_end              INTEGER NOT NULL,
    sentence_text             TEXT,
    rule                      TEXT NOT NULL,
    quote_id                  TEXT,
    coder                     TEXT NOT NULL
);
CREATE INDEX events_article ON events (article_id);

CREATE TABLE quotes (
    quote_id                   TEXT PRIMARY KEY,
    article_id                 TEXT NOT NULL,
    ordinal                    INTEGER NOT NULL,
    "start"                    INTEGER NOT NULL,
    "end"                      INTEGER NOT NULL,
    text                       TEXT NOT NULL,
    kind                       TEXT NOT NULL,
    cue_text                   TEXT,
    cue_start                  INTEGER,
    cue_end                    INTEGER,
    speaker_text               TEXT,
    speaker_start              INTEGER,
    speaker_end                INTEGER,
    speaker_actor_id           TEXT,
    speaker_actor_name         TEXT,
    speaker_actor_country      TEXT,
    speaker_actor_sector       TEXT,
    speaker_actor_kind         TEXT,
    speaker_actor_resolved_by  TEXT,
    speaker_antecedent_text    TEXT,
    speaker_antecedent_start   INTEGER,
    speaker_antecedent_end     INTEGER,
    rule                       TEXT
);
CREATE INDEX quotes_article ON quotes (article_id);

CREATE TABLE mentions (
    article_id         TEXT NOT NULL,
    ordinal            INTEGER NOT NULL,
    text               TEXT NOT NULL,
    "start"            INTEGER NOT NULL,
    "end"              INTEGER NOT NULL,
    actor_id           TEXT,
    actor_name         TEXT,
    actor_country      TEXT,
    actor_sector       TEXT,
    actor_kind         TEXT,
    actor_resolved_by  TEXT,
    antecedent_text    TEXT,
    antecedent_start   INTEGER,
    antecedent_end     INTEGER,
    PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE places (
    article_id   TEXT NOT NULL,
    ordinal      INTEGER NOT NULL,
    text         TEXT NOT NULL,
    "start"      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    resolved     BOOLEAN NOT NULL,
    geonameid    INTEGER,
    name         TEXT,
    lat          DOUBLE PRECISION,
    lon          DOUBLE PRECISION,
    country      TEXT,
    admin1       TEXT,
    precision    TEXT,
    within       TEXT,
    resolved_by  TEXT,
    PRIMARY KEY (article_id, ordinal)
);

CREATE TABLE dates (
    article_id   TEXT NOT NULL,
    ordinal      INTEGER NOT NULL,
    text         TEXT NOT NULL,
    "start"      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    value        TEXT,
    end_value    TEXT,
    precision    TEXT NOT NULL,
    resolved_by  TEXT,
    PRIMARY KEY (article_id, ordinal)
);

-- Article-level errors (CodedArticle.errors, ordinal set) and failures recorded by save_failure
-- (ordinal null). error_id is derived from the row's identity so a failure is stored once.
CREATE TABLE errors (
    error_id     TEXT PRIMARY KEY,
    article_id   TEXT,
    ordinal      INTEGER,
    origin       TEXT,
    reason       TEXT NOT NULL,
    recorded_at  TIMESTAMP NOT NULL
);
CREATE INDEX errors_article ON errors (article_id);
