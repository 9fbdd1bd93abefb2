-- SQLite: a new row takes the largest id plus one, after every row copied.
-- Shortcomings → remediation (issue 15): one table of items tracked to closure, whatever recorded
-- them: a review (its shortcomings, hạn chế, khuyết điểm, of a member or an organization) or an
-- inspection's conclusion (its violations and recommendations, vi phạm, kiến nghị). The rules are
-- domain/remediation; overdue = open past due_on (derived). Replaces review_shortcomings (0020)
-- and inspection_items (0022), whose rows it takes over with their ids.

CREATE TABLE remediation_items (
  -- the row's own key; new rows: source_item_id = id
  id {{id}},
  -- review, inspection
  source {{key_text}} NOT NULL,
  -- the id its area shows (/review-shortcomings/{id}, /inspection-items/{id}): the former
  -- tables' ids kept, so they repeat across sources; unique within one
  source_item_id BIGINT,
  -- review: the campaign that recorded it
  campaign_id BIGINT REFERENCES review_campaigns (id),
  -- inspection: the inspection whose conclusion listed it
  inspection_id BIGINT REFERENCES inspections (id),
  -- the campaign's, or the inspection programme's year
  year INTEGER NOT NULL,
  -- the member it is about (a review's member, an inspection's subject member); NULL: the
  -- organization's own
  member_id BIGINT REFERENCES members (id),
  -- the organization it lies at, and its path (the member's organization's)
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  -- review: limitation, fault; inspection: violation, recommendation
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

-- The review's shortcomings keep their ids as row ids; the inspection's items follow them.
INSERT INTO remediation_items (id, source, source_item_id, campaign_id, inspection_id, year,
                               member_id, org_id, org_path, kind, description, action, owner,
                               due_on, evidence, state, closed_on, version, created_at,
                               created_by, updated_at)
SELECT id, 'review', id, campaign_id, NULL, year, member_id, org_id, org_path, kind, description,
       action, owner, due_on, evidence, state, closed_on, version, created_at, created_by,
       updated_at
FROM review_shortcomings;

INSERT INTO remediation_items (id, source, source_item_id, campaign_id, inspection_id, year,
                               member_id, org_id, org_path, kind, description, action, owner,
                               due_on, evidence, state, closed_on, version, created_at,
                               created_by, updated_at)
SELECT i.id + (SELECT COALESCE(MAX(s.id), 0) FROM review_shortcomings s), 'inspection', i.id,
       NULL, i.inspection_id, p.year, n.subject_member_id,
       COALESCE(n.subject_org_id, (SELECT o.id FROM organizations o WHERE o.path = i.org_path),
                m.org_id),
       i.org_path, i.kind, i.description, i.action, i.owner, i.due_on, i.evidence, i.state,
       i.closed_on, i.version, i.created_at, i.created_by, i.updated_at
FROM inspection_items i
JOIN inspections n ON n.id = i.inspection_id
JOIN inspection_programmes p ON p.id = n.programme_id
LEFT JOIN members m ON m.id = n.subject_member_id;

-- Their indexes by name first: a build that defers index creation (chibo db copy, the demo)
-- then forgets them (engine/migrations.cpp).
DROP INDEX review_shortcomings_subtree;
DROP INDEX review_shortcomings_member;
DROP INDEX inspection_items_subtree;
DROP INDEX inspection_items_inspection;
DROP TABLE review_shortcomings;
DROP TABLE inspection_items;

-- An area's item by the id it shows.
CREATE UNIQUE INDEX remediation_items_source_item ON remediation_items (source, source_item_id);
-- A subtree's items across sources (GET /orgs/{id}/remediation), open or overdue first by date.
CREATE INDEX remediation_items_subtree ON remediation_items (org_path, state, due_on);
-- One source's items in a subtree (the area lists, the compliance board).
CREATE INDEX remediation_items_source_subtree ON remediation_items (source, org_path, state, due_on);
-- A member's shortcomings by year (the review's member pages).
CREATE INDEX remediation_items_member ON remediation_items (member_id, year);
-- An inspection's items.
CREATE INDEX remediation_items_inspection ON remediation_items (inspection_id);
