-- Existing records under the lifecycle model (see 0004). PostgreSQL's dialect.
--
-- Probationary members recorded before ceremonies were kept: probation counted from the
-- admission decision, 12 months (probation.months since 2011) (PostgreSQL's interval
-- arithmetic ends 29 February on 28 February, as Date::add_months does).
UPDATE members SET probation_ends_on =
  to_char(CAST(admission_date AS DATE) + INTERVAL '12 months', 'YYYY-MM-DD')
WHERE status = 'probationary' AND admission_date IS NOT NULL;

-- "Temporarily transferred" was a status; it is now an open temporary transfer of an official
-- or probationary member, who stays on the home roll. The destination was not recorded.
INSERT INTO transfers (kind, direction, purpose, member_id, from_org_id, from_path, external_org,
                       letter_date, started_on, state, note, standing, version, created_at,
                       updated_at)
SELECT 'temporary', 'outgoing', 'work', id, org_id, org_path, '(chưa ghi nơi đến)',
       substr(updated_at, 1, 10), substr(updated_at, 1, 10), 'away',
       'migrated from the former status transferred_temporarily', status, 1, updated_at, updated_at
FROM members WHERE status = 'transferred_temporarily';
UPDATE members SET status = CASE WHEN official_date IS NULL THEN 'probationary' ELSE 'official' END
WHERE status = 'transferred_temporarily';
UPDATE members SET probation_ends_on =
  to_char(CAST(admission_date AS DATE) + INTERVAL '12 months', 'YYYY-MM-DD')
WHERE status = 'probationary' AND probation_ends_on IS NULL AND admission_date IS NOT NULL;
UPDATE member_search_keys SET status = (SELECT status FROM members WHERE members.id = member_id)
WHERE status = 'transferred_temporarily';
UPDATE transfers SET standing = (SELECT status FROM members WHERE members.id = member_id)
WHERE note = 'migrated from the former status transferred_temporarily';
-- The subtree counts by status, recounted when statuses changed above.
DELETE FROM org_member_counts
WHERE EXISTS (SELECT 1 FROM transfers WHERE note = 'migrated from the former status transferred_temporarily');
INSERT INTO org_member_counts (org_id, status, n)
SELECT o.id, m.status, COUNT(*) FROM organizations o
JOIN members m ON m.org_path >= o.path AND m.org_path < substr(o.path, 1, length(o.path) - 1) || '0'
WHERE EXISTS (SELECT 1 FROM transfers WHERE note = 'migrated from the former status transferred_temporarily')
GROUP BY o.id, m.status;
-- The first badge (30 years, the lowest of badge.milestone_years) of everyone: nobody has an
-- award recorded yet.
UPDATE members SET next_badge_on =
  to_char(CAST(party_age_anchor AS DATE) + INTERVAL '30 years', 'YYYY-MM-DD')
WHERE party_age_anchor IS NOT NULL;
