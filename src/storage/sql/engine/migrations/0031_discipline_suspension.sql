-- Suspension of party activities while a case is considered (đình chỉ sinh hoạt đảng; Quy định
-- 22-QĐ/TW Art. 28-31, rules/discipline.toml discipline.suspension_*): its first and last day
-- (an extension moves the last), its basis (investigation, or prosecution: the law's period),
-- and the day it was lifted early. All NULL for a case without one.
ALTER TABLE discipline_cases ADD COLUMN suspended_from TEXT;
ALTER TABLE discipline_cases ADD COLUMN suspended_until TEXT;
ALTER TABLE discipline_cases ADD COLUMN suspension_basis TEXT;
ALTER TABLE discipline_cases ADD COLUMN suspension_lifted_on TEXT;
