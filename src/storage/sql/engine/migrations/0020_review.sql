-- Annual review and classification (issue 15; Quy định 366-QĐ/TW, rules/review.toml). Scores are
-- tenths of a point (895 = 89.5); grades are domain/review/grade.h codes.

-- A campaign: one per opening organization and year, for that organization's subtree.
CREATE TABLE review_campaigns (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  year INTEGER NOT NULL,
  -- the day eligibility (6 months since admission) and the rules in force are counted on
  review_date TEXT NOT NULL,
  title TEXT NOT NULL,
  -- open, closed
  state TEXT NOT NULL,
  -- organizations the campaign was fanned out to
  units BIGINT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX review_campaigns_org_year ON review_campaigns (org_id, year);
CREATE INDEX review_campaigns_path ON review_campaigns (org_path);

-- The campaign fanned out: one row per organization of the subtree, with its collective grade.
CREATE TABLE review_units (
  campaign_id BIGINT NOT NULL REFERENCES review_campaigns (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  parent_id BIGINT,
  grade TEXT,
  score INTEGER,
  tasks_on_time_pct INTEGER,
  tasks_exceeded_pct INTEGER,
  tasks_late_pct INTEGER,
  note TEXT,
  decided_at TEXT,
  decided_by TEXT,
  version BIGINT NOT NULL,
  PRIMARY KEY (campaign_id, org_id)
);
CREATE INDEX review_units_parent ON review_units (campaign_id, parent_id);

-- A member's review in a campaign: written from the first step taken (self-assessment, the
-- cell's proposal or the committee's decision); members without a row have not started.
CREATE TABLE review_members (
  id {{id}},
  campaign_id BIGINT NOT NULL REFERENCES review_campaigns (id),
  member_id BIGINT NOT NULL REFERENCES members (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  -- the quota group: the base organization deciding the member's grade
  group_org_id BIGINT NOT NULL REFERENCES organizations (id),
  self_score INTEGER,
  self_grade TEXT,
  self_text TEXT,
  self_at TEXT,
  cell_grade TEXT,
  cell_comment TEXT,
  votes_for INTEGER,
  votes_against INTEGER,
  votes_entitled INTEGER,
  cell_at TEXT,
  grade TEXT,
  score INTEGER,
  disciplined INTEGER NOT NULL,
  -- the rules the decision applied: "key=value; ..." (sources in rules/review.toml)
  grade_rules TEXT,
  decided_at TEXT,
  decided_by TEXT,
  -- the superior's act: annulled, regraded (with its reason)
  superior_action TEXT,
  superior_reason TEXT,
  version BIGINT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX review_members_member ON review_members (campaign_id, member_id);
CREATE INDEX review_members_org ON review_members (campaign_id, org_id);
CREATE INDEX review_members_group ON review_members (campaign_id, group_org_id, grade);
CREATE INDEX review_members_history ON review_members (member_id);

-- Decided grades per organization's whole subtree, kept in the write transaction of each
-- decision (members m_*, organizations o_*), so a subtree's summary is one row.
CREATE TABLE review_counts (
  campaign_id BIGINT NOT NULL REFERENCES review_campaigns (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  m_not_completed BIGINT NOT NULL,
  m_completed BIGINT NOT NULL,
  m_good BIGINT NOT NULL,
  m_excellent BIGINT NOT NULL,
  o_not_completed BIGINT NOT NULL,
  o_completed BIGINT NOT NULL,
  o_good BIGINT NOT NULL,
  o_excellent BIGINT NOT NULL,
  PRIMARY KEY (campaign_id, org_id)
);

-- Shortcomings (hạn chế, khuyết điểm) a review recorded, with their remediation, tracked until
-- closed; overdue = open past due_on (derived).
CREATE TABLE review_shortcomings (
  id {{id}},
  campaign_id BIGINT NOT NULL REFERENCES review_campaigns (id),
  year INTEGER NOT NULL,
  -- a member's, or (NULL) the organization's own
  member_id BIGINT REFERENCES members (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  -- limitation (hạn chế), fault (khuyết điểm)
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
CREATE INDEX review_shortcomings_subtree ON review_shortcomings (org_path, state, due_on);
CREATE INDEX review_shortcomings_member ON review_shortcomings (member_id, year);
