-- The UTC offsets (hours, standard time: -5.0, 5.5) a posting's place or remote scope allows,
-- or where a candidate lives: from the place's time zone, a country's or region's span, or
-- the time-zone limits the text states ("UTC-3 to UTC+3"). Worldwide remote is -12..14; NULL
-- when nothing says. A range across the date line has min > max (12, -11). See
-- pipelines/timezones.py.
ALTER TABLE normalized_postings ADD COLUMN utc_offset_min DOUBLE;
ALTER TABLE normalized_postings ADD COLUMN utc_offset_max DOUBLE;
ALTER TABLE version_postings ADD COLUMN utc_offset_min DOUBLE;
ALTER TABLE version_postings ADD COLUMN utc_offset_max DOUBLE;
ALTER TABLE postings ADD COLUMN utc_offset_min DOUBLE;
ALTER TABLE postings ADD COLUMN utc_offset_max DOUBLE;
ALTER TABLE candidates ADD COLUMN utc_offset_min DOUBLE;
ALTER TABLE candidates ADD COLUMN utc_offset_max DOUBLE;
