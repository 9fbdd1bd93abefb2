-- The removal list's meetings side (issue 14): see the PostgreSQL file. SQLite has no INCLUDE:
-- the columns read are key columns after the two searched.
DROP INDEX meeting_attendance_status;
CREATE INDEX meeting_attendance_unexcused ON meeting_attendance
  (org_path, held_on, member_id, kind, meeting_id) WHERE status = 'absent_unexcused' AND counted = 1;
