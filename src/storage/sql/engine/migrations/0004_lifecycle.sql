-- The member lifecycle (issue 6): admission files of candidates and their steps, recognition of
-- probationary members, transfers, exits, party-age gaps and badges. Every step keeps its date
-- and deciding document; a member's status changes only through these procedures.

-- The member record gains the dates of its lifecycle. probation_ends_on and party_age_anchor
-- are derived (domain/members/member_rules: derive_member_facts), like next_badge_on (the day
-- the party age reaches the next milestone above highest_badge, which mirrors badge_awards).
ALTER TABLE members ADD COLUMN ceremony_date TEXT;
ALTER TABLE members ADD COLUMN probation_ends_on TEXT;
ALTER TABLE members ADD COLUMN exit_date TEXT;
ALTER TABLE members ADD COLUMN exit_ground TEXT;
ALTER TABLE members ADD COLUMN party_age_gap_days BIGINT NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN party_age_anchor TEXT;
ALTER TABLE members ADD COLUMN highest_badge INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN next_badge_on TEXT;
UPDATE members SET party_age_anchor = admission_date;
-- Badge lists: the members whose next milestone is reached by an occasion.
CREATE INDEX members_next_badge ON members (next_badge_on, status);
-- Probation lists: probationary members by the end of their probation. Partial, so that only
-- queries naming status = 'probationary' use it (the badge lists keep members_next_badge).
CREATE INDEX members_probation ON members (probation_ends_on) WHERE status = 'probationary';

-- History events name the day they take effect and the deciding document.
ALTER TABLE member_events ADD COLUMN effective_on TEXT;
ALTER TABLE member_events ADD COLUMN doc_number TEXT;
ALTER TABLE member_events ADD COLUMN doc_authority TEXT;

-- A person a cell is preparing for admission (đối tượng kết nạp), with the personal-history
-- fields the member record will take over at the ceremony.
CREATE TABLE candidates (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  full_name TEXT NOT NULL,
  sort_key {{key_text}} NOT NULL,
  name_fold TEXT NOT NULL,
  birth_name TEXT,
  sex TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  place_of_birth TEXT,
  home_town TEXT,
  permanent_residence TEXT,
  current_residence TEXT,
  ethnicity TEXT NOT NULL,
  religion TEXT NOT NULL,
  citizen_id TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  general_education TEXT,
  professional_qualification TEXT,
  political_theory TEXT,
  occupation TEXT,
  work_unit TEXT,
  position TEXT,
  youth_union_member INTEGER NOT NULL DEFAULT 0,
  readmission_of BIGINT REFERENCES members (id),
  record_cleared_on TEXT,
  over_age_approval TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'admitted', 'withdrawn')),
  -- Where the file stands (domain/lifecycle/admission.h AdmissionPhase), kept with each step
  -- so that boards count and filter by it.
  phase TEXT NOT NULL,
  member_id BIGINT REFERENCES members (id),
  closed_on TEXT,
  close_reason TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX candidates_subtree ON candidates (org_path, phase, sort_key);
-- One open file per person.
CREATE UNIQUE INDEX candidates_open_citizen ON candidates (citizen_id) WHERE status = 'open';

CREATE TABLE admission_steps (
  id {{id}},
  candidate_id BIGINT NOT NULL REFERENCES candidates (id),
  step TEXT NOT NULL,
  done_on TEXT NOT NULL,
  doc_number TEXT,
  doc_authority TEXT,
  votes_for INTEGER,
  votes_against INTEGER,
  votes_entitled INTEGER,
  youth_union INTEGER NOT NULL DEFAULT 0,
  received_on TEXT,
  place TEXT,
  note TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (candidate_id, step)
);

CREATE TABLE admission_introducers (
  step_id BIGINT NOT NULL REFERENCES admission_steps (id),
  position INTEGER NOT NULL,
  member_id BIGINT NOT NULL REFERENCES members (id),
  known_since TEXT NOT NULL,
  PRIMARY KEY (step_id, position)
);

-- What happened to a candidate's file, newest last: created, edited, steps recorded or
-- withdrawn, closed, admitted (details: JSON).
CREATE TABLE candidate_events (
  id {{id}},
  candidate_id BIGINT NOT NULL REFERENCES candidates (id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  details TEXT NOT NULL
);
CREATE INDEX candidate_events_candidate ON candidate_events (candidate_id, id);

-- The two steps of recognition (the cell's resolution, the decision) of one probation, which
-- probation_ends_on identifies (a readmitted member goes through probation again).
CREATE TABLE recognition_steps (
  id {{id}},
  member_id BIGINT NOT NULL REFERENCES members (id),
  probation_ends_on TEXT NOT NULL,
  step TEXT NOT NULL CHECK (step IN ('cell_resolution', 'decision')),
  done_on TEXT NOT NULL,
  doc_number TEXT NOT NULL,
  doc_authority TEXT,
  votes_for INTEGER,
  votes_against INTEGER,
  votes_entitled INTEGER,
  recognized INTEGER NOT NULL,
  note TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (member_id, probation_ends_on, step)
);

CREATE TABLE transfers (
  id {{id}},
  kind TEXT NOT NULL CHECK (kind IN ('official', 'temporary')),
  direction TEXT NOT NULL CHECK (direction IN ('internal', 'outgoing', 'incoming')),
  purpose TEXT,
  member_id BIGINT REFERENCES members (id),
  from_org_id BIGINT REFERENCES organizations (id),
  from_path {{key_text}},
  to_org_id BIGINT REFERENCES organizations (id),
  to_path {{key_text}},
  external_org TEXT,
  letter_date TEXT NOT NULL,
  letter_number TEXT,
  letter_authority TEXT,
  started_on TEXT NOT NULL,
  until TEXT,
  state TEXT NOT NULL CHECK (state IN ('in_transit', 'away', 'completed', 'returned', 'cancelled')),
  completed_on TEXT,
  note TEXT,
  gap_days BIGINT NOT NULL DEFAULT 0,
  standing TEXT,
  guest_name TEXT,
  guest_citizen_id TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX transfers_member ON transfers (member_id, state);
CREATE INDEX transfers_from ON transfers (from_path, state);
CREATE INDEX transfers_to ON transfers (to_path, state);

-- Time that does not count toward party age: off the roll before a readmission, or a
-- transfer presented past its deadline. [from_date, to_date).
CREATE TABLE party_age_gaps (
  id {{id}},
  member_id BIGINT NOT NULL REFERENCES members (id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('readmission', 'late_transfer')),
  transfer_id BIGINT REFERENCES transfers (id),
  created_at TEXT NOT NULL
);
CREATE INDEX party_age_gaps_member ON party_age_gaps (member_id);

CREATE TABLE badge_awards (
  id {{id}},
  member_id BIGINT NOT NULL REFERENCES members (id),
  milestone INTEGER NOT NULL,
  occasion TEXT NOT NULL,
  doc_number TEXT NOT NULL,
  doc_authority TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (member_id, milestone)
);
