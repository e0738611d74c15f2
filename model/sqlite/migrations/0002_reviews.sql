-- Parcours document, schema version 2: periodic reviews.
--
-- A review is a dated snapshot of a journey's measures. Its measures are
-- written once and never updated, and are always read whole, so each list
-- is one JSON column: `stages` holds
-- [{"stage","name","kpis":[{"name","value","target"}],"average_emotion","average_score"}]
-- and `touchpoints` [{"t": id, "s": score, "r": responses, "l": listened}]
-- (short keys: a review of a large journey holds a thousand of them).
-- Absent averages and scores are left out. Stage and touchpoint ids are
-- not foreign keys: a review keeps the measures of things since deleted.
-- A journey's reviews are in date order, one a day.

CREATE TABLE reviews (
    id          TEXT PRIMARY KEY,
    journey_id  TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    date        TEXT NOT NULL,              -- YYYY-MM-DD
    note        TEXT NOT NULL,
    stages      TEXT NOT NULL DEFAULT '[]', -- JSON, see above
    touchpoints TEXT NOT NULL DEFAULT '[]'  -- JSON, see above
) STRICT;
CREATE INDEX reviews_by_journey ON reviews (journey_id, date);
