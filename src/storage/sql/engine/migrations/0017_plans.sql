-- Personal action plans and commitments (issue 13; rules/plans.toml): one plan per member and
-- year with its items, and the cell's reviews of it (mid-year, year end) with an assessment per
-- item. Dates are ISO text. A plan is editable until its first review.
CREATE TABLE plans (
  id {{id}},
  member_id BIGINT NOT NULL REFERENCES members (id),
  -- the member's cell when the plan was recorded, and its path (subtree lists)
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  year INTEGER NOT NULL,
  -- plan (kế hoạch hành động) or commitment (cam kết tu dưỡng, rèn luyện)
  kind TEXT NOT NULL,
  -- 1 when recorded by one of the cell's heads (secretary, deputy, committee member)
  head INTEGER NOT NULL,
  recorded_on TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE UNIQUE INDEX plans_member_year ON plans (member_id, year);
-- A cell's (or subtree's) plans of a year: year, then a path range.
CREATE INDEX plans_year_path ON plans (year, org_path);

CREATE TABLE plan_items (
  id {{id}},
  plan_id BIGINT NOT NULL REFERENCES plans (id),
  position INTEGER NOT NULL,
  content TEXT NOT NULL,
  measure TEXT NOT NULL,
  due_on TEXT
);
CREATE INDEX plan_items_plan ON plan_items (plan_id, position);

CREATE TABLE plan_reviews (
  id {{id}},
  plan_id BIGINT NOT NULL REFERENCES plans (id),
  -- mid_year or year_end: each once
  stage TEXT NOT NULL,
  reviewed_on TEXT NOT NULL,
  comment TEXT,
  reviewer TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX plan_reviews_stage ON plan_reviews (plan_id, stage);

CREATE TABLE plan_assessments (
  review_id BIGINT NOT NULL REFERENCES plan_reviews (id),
  item_id BIGINT NOT NULL REFERENCES plan_items (id),
  -- done, partly, not_done
  assessment TEXT NOT NULL,
  comment TEXT,
  PRIMARY KEY (review_id, item_id)
);
