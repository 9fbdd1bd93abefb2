-- Name search at national scale (issue 5; storage/sql/search_plan.h). The one covering index
-- of member_search_keys becomes two partial ones: one-word keys ordered by (key, sort key), so
-- that the members whose given name starts with a common prefix come in name order straight
-- from the index, and phrase keys with prev_key (each member counted once). The member index
-- gains the key, so that a walk of the members in name order checks each one's keys in the
-- index alone.
DROP INDEX member_search_keys_cover;
CREATE INDEX member_search_keys_words
  ON member_search_keys (search_key, sort_key, member_id, prev_key, org_path, status)
  WHERE search_key NOT LIKE '% %';
CREATE INDEX member_search_keys_phrases
  ON member_search_keys (search_key, prev_key, org_path, status, sort_key, member_id)
  WHERE search_key LIKE '% %';
DROP INDEX member_search_keys_member;
CREATE INDEX member_search_keys_member ON member_search_keys (member_id, search_key);
