-- Parcours document, schema version 1.
--
-- One row of `document` holds the meta data; every other table holds one kind
-- of thing of model.Document. Lists of plain values (channels, KPIs, quotes)
-- are JSON text; touchpoint markers are the marker words separated by spaces,
-- in export order. Times are RFC 3339 text, NULL when unknown. Positions and
-- orders say where a thing sits among its siblings. Tables are STRICT so a
-- value of the wrong type cannot be stored.

CREATE TABLE document (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    title    TEXT NOT NULL,
    language TEXT NOT NULL,
    created  TEXT,
    modified TEXT
) STRICT;

CREATE TABLE personas (
    id           TEXT PRIMARY KEY,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    job          TEXT NOT NULL,
    age          TEXT NOT NULL,
    hobbies      TEXT NOT NULL,
    ambitions    TEXT NOT NULL,
    frustrations TEXT NOT NULL,
    channels     TEXT NOT NULL DEFAULT '[]', -- JSON list of channels
    quote        TEXT NOT NULL,
    avatar       BLOB                        -- PNG or JPEG, NULL when none
) STRICT;

CREATE TABLE journeys (
    id           TEXT PRIMARY KEY,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    persona_id   TEXT REFERENCES personas (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    objective    TEXT NOT NULL,
    state        TEXT NOT NULL,
    target_score REAL NOT NULL,
    origin       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE stages (
    id             TEXT PRIMARY KEY,
    journey_id     TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    customer_goals TEXT NOT NULL,
    business_goals TEXT NOT NULL,
    actions        TEXT NOT NULL,
    thoughts       TEXT NOT NULL,
    kpis           TEXT NOT NULL DEFAULT '[]', -- JSON list of {"name","value","target"}
    width          REAL NOT NULL DEFAULT 0     -- mm, 0 means automatic
) STRICT;
CREATE INDEX stages_by_journey ON stages (journey_id, position);

CREATE TABLE lanes (
    id         TEXT PRIMARY KEY,
    journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    owned      INTEGER NOT NULL,
    leverage   INTEGER NOT NULL,
    color      TEXT NOT NULL
) STRICT;
CREATE INDEX lanes_by_journey ON lanes (journey_id, position);

CREATE TABLE touchpoints (
    id          TEXT PRIMARY KEY,
    journey_id  TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    stage_id    TEXT NOT NULL REFERENCES stages (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    lane_id     TEXT NOT NULL REFERENCES lanes (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    ord         INTEGER NOT NULL,             -- place on the journey's timeline, 1..n
    title       TEXT NOT NULL,
    channel     TEXT NOT NULL,
    description TEXT NOT NULL,
    emotion     INTEGER NOT NULL,
    score       REAL,                         -- NULL when not measured
    responses   INTEGER NOT NULL,
    listened    INTEGER NOT NULL,
    markers     TEXT NOT NULL DEFAULT '',     -- "pain truth", export order
    quotes      TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
    note        TEXT NOT NULL,
    image       BLOB,                         -- NULL when none
    origin      TEXT NOT NULL DEFAULT ''
) STRICT;
-- No index on journey_id, stage_id, lane_id or ord: a move renumbers many
-- rows, and every index on those columns would be rewritten with them.
-- Deleting a stage, lane or journey scans the table instead, which is rare
-- and cheap at the sizes of a map.

CREATE TABLE opportunities (
    id         TEXT PRIMARY KEY,
    journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    impact     INTEGER NOT NULL,
    effort     INTEGER NOT NULL,
    owner      TEXT NOT NULL,
    status     TEXT NOT NULL
) STRICT;
CREATE INDEX opportunities_by_journey ON opportunities (journey_id, position);

CREATE TABLE opportunity_touchpoints (
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    touchpoint_id  TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position       INTEGER NOT NULL,
    PRIMARY KEY (opportunity_id, touchpoint_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX opportunity_touchpoints_by_touchpoint ON opportunity_touchpoints (touchpoint_id);
