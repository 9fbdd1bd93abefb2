-- Terms (nhiệm kỳ) and committees (cấp ủy, ủy ban kiểm tra) of organizations (issue 12).
-- A term runs from the day after the congress that opened it closes to the close of the next
-- congress (domain/documents/term.h); documents are numbered per issuer per term.

CREATE TABLE terms (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  name TEXT NOT NULL,
  congress_opened_on TEXT,
  congress_closed_on TEXT NOT NULL,
  -- Set when the next congress closes (the last day of this term); NULL while it runs.
  next_congress_closed_on TEXT,
  -- Sizes the superior approved for the term (data per term, not rules).
  approved_committee_size INTEGER,
  approved_standing_size INTEGER,
  congress_delegates INTEGER,
  note TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- An organization's terms in order; one congress opens one term.
CREATE UNIQUE INDEX terms_org ON terms (org_id, congress_closed_on);

-- A seat held by a registry member in a term's committee, with the appointing decision
-- (or the election), its start and end; ended seats are kept as history.
CREATE TABLE committee_seats (
  id {{id}},
  term_id BIGINT NOT NULL REFERENCES terms (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  -- data/catalog/committee_positions.tsv code
  position TEXT NOT NULL,
  started_on TEXT NOT NULL,
  ended_on TEXT,
  decision_number TEXT,
  decision_authority TEXT,
  decision_date TEXT,
  end_reason TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX committee_seats_term ON committee_seats (term_id, started_on);
CREATE INDEX committee_seats_org ON committee_seats (org_id, ended_on);
CREATE INDEX committee_seats_member ON committee_seats (member_id);
