-- dyad store, schema version 3: the figures an event reports (Event.fatalities, .injured, .size:
-- dyad.article.Magnitude, flattened as store/rows.py does). Portable SQL (DuckDB and PostgreSQL
-- 15). Events stored before this version keep nulls here until their articles are coded again.

ALTER TABLE events ADD COLUMN fatalities_value INTEGER;
ALTER TABLE events ADD COLUMN fatalities_qualifier TEXT;
ALTER TABLE events ADD COLUMN fatalities_text TEXT;
ALTER TABLE events ADD COLUMN fatalities_start INTEGER;
ALTER TABLE events ADD COLUMN fatalities_end INTEGER;
ALTER TABLE events ADD COLUMN fatalities_rule TEXT;
ALTER TABLE events ADD COLUMN injured_value INTEGER;
ALTER TABLE events ADD COLUMN injured_qualifier TEXT;
ALTER TABLE events ADD COLUMN injured_text TEXT;
ALTER TABLE events ADD COLUMN injured_start INTEGER;
ALTER TABLE events ADD COLUMN injured_end INTEGER;
ALTER TABLE events ADD COLUMN injured_rule TEXT;
ALTER TABLE events ADD COLUMN size_value INTEGER;
ALTER TABLE events ADD COLUMN size_qualifier TEXT;
ALTER TABLE events ADD COLUMN size_text TEXT;
ALTER TABLE events ADD COLUMN size_start INTEGER;
ALTER TABLE events ADD COLUMN size_end INTEGER;
ALTER TABLE events ADD COLUMN size_rule TEXT;
