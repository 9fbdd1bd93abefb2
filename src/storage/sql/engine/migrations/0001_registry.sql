-- The registry: organizations (a tree with a materialized path), members, their history,
-- name search keys and per-subtree member counts.
-- {{id}} and {{key_text}} are filled in per engine by storage/sql/dialect.cpp: keys that are
-- compared as bytes (paths, sort keys, search keys) must not use a locale collation.

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE organizations (
  id {{id}},
  parent_id BIGINT REFERENCES organizations (id),
  path {{key_text}} NOT NULL UNIQUE,
  depth INTEGER NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  sort_key {{key_text}} NOT NULL,
  short_name TEXT,
  code TEXT UNIQUE,
  established_on TEXT,
  dissolved_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'dissolved', 'merged')),
  merged_into BIGINT REFERENCES organizations (id),
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX organizations_children ON organizations (parent_id, status, sort_key);

CREATE TABLE members (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  full_name TEXT NOT NULL,
  sort_key {{key_text}} NOT NULL,
  birth_name TEXT,
  aliases TEXT,
  sex TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  place_of_birth TEXT,
  home_town TEXT,
  permanent_residence TEXT,
  current_residence TEXT,
  ethnicity TEXT NOT NULL,
  religion TEXT NOT NULL,
  citizen_id TEXT NOT NULL UNIQUE,
  party_card_no TEXT UNIQUE,
  phone TEXT,
  email TEXT,
  general_education TEXT,
  professional_qualification TEXT,
  political_theory TEXT,
  occupation TEXT,
  work_unit TEXT,
  position TEXT,
  admission_date TEXT NOT NULL,
  official_date TEXT,
  status TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Subtree lists and counts: a path range, then status.
CREATE INDEX members_subtree ON members (org_path, status);
-- The whole registry in Vietnamese name order without sorting.
CREATE INDEX members_name_order ON members (sort_key, id);
CREATE INDEX members_org ON members (org_id);

-- Word suffixes of every name, folded ("nguyen van an", "van an", "an"), with the member's
-- organization path, status and name sort key copied in: a search, its count and its first
-- page are then read from one covering index without touching members.
-- prev_key is the member's next smaller key ('' for the smallest). A prefix query matches a
-- contiguous run of one member's sorted keys, so counting only rows whose prev_key does not
-- match counts each member once, with no DISTINCT.
CREATE TABLE member_search_keys (
  search_key {{key_text}} NOT NULL,
  prev_key {{key_text}} NOT NULL,
  org_path {{key_text}} NOT NULL,
  status TEXT NOT NULL,
  sort_key {{key_text}} NOT NULL,
  member_id BIGINT NOT NULL REFERENCES members (id)
);
CREATE INDEX member_search_keys_cover
  ON member_search_keys (search_key, prev_key, org_path, status, sort_key, member_id);
CREATE INDEX member_search_keys_member ON member_search_keys (member_id);

CREATE TABLE member_events (
  id {{id}},
  member_id BIGINT NOT NULL REFERENCES members (id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  changes TEXT NOT NULL
);
CREATE INDEX member_events_member ON member_events (member_id, id);

-- Members in each organization's whole subtree, by status; kept in step with every write so
-- that tree views never count the members table.
CREATE TABLE org_member_counts (
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  status TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (org_id, status)
);
