-- dyad store, schema version 4: warnings (CodedArticle.warnings: the article was coded, but a user
-- should know something, e.g. it had no date of its own) are told apart from errors (it was not
-- coded, or not all of it). Before this version both were rows of ``errors`` and a warning's
-- reason started with "warning: "; those rows become severity 'warning' without the prefix.
-- Portable SQL (DuckDB and PostgreSQL 15).

ALTER TABLE errors ADD COLUMN severity TEXT DEFAULT 'error';
UPDATE errors SET severity = 'error' WHERE severity IS NULL;
UPDATE errors SET severity = 'warning', reason = substr(reason, 10) WHERE reason LIKE 'warning: %';
