-- Inspection and supervision programmes (issue 15; Quy định 296-QĐ/TW, rules/inspection.toml).
-- Stages and kinds are domain/inspection/stage.h codes.

-- A yearly programme of a committee or its inspection committee, for that organization's subtree.
CREATE TABLE inspection_programmes (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  year INTEGER NOT NULL,
  -- committee (cấp ủy), inspection_committee (ủy ban kiểm tra)
  issuer {{key_text}} NOT NULL,
  title TEXT NOT NULL,
  note TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX inspection_programmes_org_year ON inspection_programmes (org_id, year, issuer);
CREATE INDEX inspection_programmes_path ON inspection_programmes (org_path, year);

-- An inspection (or supervision) planned in a programme; its subject is an organization of the
-- issuer's subtree or a member in it (subject_path: the organization, or the member's).
CREATE TABLE inspections (
  id {{id}},
  programme_id BIGINT NOT NULL REFERENCES inspection_programmes (id),
  kind TEXT NOT NULL,
  subject_org_id BIGINT REFERENCES organizations (id),
  subject_member_id BIGINT REFERENCES members (id),
  subject_path {{key_text}} NOT NULL,
  content TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  -- the team's names, one a line, the head first
  team TEXT NOT NULL,
  -- the last stage recorded (NULL: planned, not started) and its date
  stage TEXT,
  stage_on TEXT,
  conclusion TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX inspections_programme ON inspections (programme_id);
CREATE INDEX inspections_subject ON inspections (subject_path);

-- Each stage recorded: its date and document (a register document, or its number as text).
CREATE TABLE inspection_stages (
  inspection_id BIGINT NOT NULL REFERENCES inspections (id),
  stage {{key_text}} NOT NULL,
  on_date TEXT NOT NULL,
  document_id BIGINT,
  document_text TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (inspection_id, stage)
);

-- A conclusion's violations and recommendations, tracked until closed; overdue = open past
-- due_on (derived). The review's shortcomings have the same shape.
CREATE TABLE inspection_items (
  id {{id}},
  inspection_id BIGINT NOT NULL REFERENCES inspections (id),
  -- the subject's path (the organization's, or the member's organization's)
  org_path {{key_text}} NOT NULL,
  -- violation (vi phạm), recommendation (kiến nghị)
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  action TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_on {{key_text}} NOT NULL,
  evidence TEXT,
  -- open, closed
  state {{key_text}} NOT NULL,
  closed_on TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX inspection_items_subtree ON inspection_items (org_path, state, due_on);
CREATE INDEX inspection_items_inspection ON inspection_items (inspection_id);
