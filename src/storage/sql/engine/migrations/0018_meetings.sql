-- Cell meetings (issue 14; rules/meetings.toml, rules-reference §5): the meeting, its links to
-- the document register and directives, attendance per member, votes on resolutions, absence
-- notices and amendments of approved minutes. Dates are "YYYY-MM-DD".

-- A meeting of a cell. state: scheduled, held (recorded), approved (locked). The tally columns
-- repeat what the attendance rows say (kept with them in one transaction) so that lists do not
-- read every attendance row.
CREATE TABLE meetings (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  -- regular, thematic, ad_hoc
  kind {{key_text}} NOT NULL,
  state {{key_text}} NOT NULL,
  held_on {{key_text}} NOT NULL,
  starts_at TEXT,
  place TEXT,
  topic TEXT,
  -- the agenda items, as JSON [{"code", "title", "note"}]
  agenda TEXT NOT NULL,
  chair_id BIGINT REFERENCES members (id),
  secretary_id BIGINT REFERENCES members (id),
  resolution TEXT,
  minutes TEXT,
  counted INTEGER NOT NULL DEFAULT 0,
  present INTEGER NOT NULL DEFAULT 0,
  absent_excused INTEGER NOT NULL DEFAULT 0,
  absent_unexcused INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  recorded_at TEXT,
  recorded_by TEXT,
  approved_at TEXT,
  approved_by TEXT
);
-- A cell's meetings by day; the missing-meeting view asks per cell, kind and month.
CREATE INDEX meetings_org ON meetings (org_id, kind, held_on);
-- Meetings of a subtree in a period (lists, the demo's checks).
CREATE INDEX meetings_path ON meetings (org_path, held_on);

-- Documents from above (the register) and directives discussed at the meeting.
CREATE TABLE meeting_links (
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  -- document, directive
  target_kind {{key_text}} NOT NULL,
  target_id BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, target_kind, target_id)
);

-- Attendance: one row per member of the cell at a recorded meeting. counted = 0 for members
-- exempted from activities and those on special duty. org_path, held_on and kind repeat the
-- meeting's so that the removal list and a member's own view read this table alone.
CREATE TABLE meeting_attendance (
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  org_path {{key_text}} NOT NULL,
  held_on {{key_text}} NOT NULL,
  kind {{key_text}} NOT NULL,
  -- present, absent_excused, absent_unexcused, special_duty
  status {{key_text}} NOT NULL,
  counted INTEGER NOT NULL,
  reason TEXT,
  PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id, held_on);
-- The removal list: the unexcused absences of a subtree in a year.
CREATE INDEX meeting_attendance_status ON meeting_attendance (status, org_path, held_on);

-- Votes on resolutions, in the order given.
CREATE TABLE meeting_votes (
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  seq INTEGER NOT NULL,
  subject TEXT NOT NULL,
  in_favour INTEGER NOT NULL,
  against INTEGER NOT NULL,
  abstain INTEGER NOT NULL,
  entitled INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, seq)
);

-- A member's absence notice before a meeting; the secretary accepts or refuses it.
CREATE TABLE meeting_notices (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  reason TEXT NOT NULL,
  -- pending, accepted, refused
  state {{key_text}} NOT NULL,
  sent_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,
  decision_note TEXT
);
CREATE UNIQUE INDEX meeting_notices_member ON meeting_notices (meeting_id, member_id);
CREATE INDEX meeting_notices_by_member ON meeting_notices (member_id);

-- Corrections of approved minutes (never an edit of the locked meeting): who, when, why; an
-- attendance correction also changes the attendance row and keeps the old status here (JSON
-- [{"member_id", "from", "to"}]).
CREATE TABLE meeting_amendments (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES meetings (id),
  section {{key_text}} NOT NULL,
  text TEXT NOT NULL,
  reason TEXT NOT NULL,
  changes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX meeting_amendments_meeting ON meeting_amendments (meeting_id, id);
