-- Broad name searches at national scale (issue 5; storage/sql/search_key_bounds.h). Phrase
-- keys, like one-word keys, are indexed in name order within each key, and every key keeps the
-- lowest and highest sort key of its members: a search for "nguyen thi" (519,000 rows in 734
-- keys at 5.6 million members) then reads the few keys that can hold its first page, each in
-- name order from the index, instead of sorting every matching row.
DROP INDEX member_search_keys_phrases;
CREATE INDEX member_search_keys_phrases
  ON member_search_keys (search_key, sort_key, member_id, prev_key, org_path, status)
  WHERE search_key LIKE '% %';
CREATE TABLE search_key_bounds (
  search_key {{key_text}} PRIMARY KEY,
  low_sort_key {{key_text}} NOT NULL,
  high_sort_key {{key_text}} NOT NULL
);
-- A key range in bound order from the index alone.
CREATE INDEX search_key_bounds_cover ON search_key_bounds (search_key, low_sort_key, high_sort_key);
INSERT INTO search_key_bounds (search_key, low_sort_key, high_sort_key)
  SELECT search_key, MIN(sort_key), MAX(sort_key) FROM member_search_keys GROUP BY search_key;
