-- Discipline cases (issue 15; Charter Art. 35-39, Quy định 296-QĐ/TW, rules/discipline.toml):
-- restricted records, read only under discipline.read and every read audited. Sanctions,
-- subjects and categories are domain/discipline/sanction.h codes. The clocks (limitation,
-- appeal, state notice) are never stored: they follow from the dates and the rules in force.
CREATE TABLE discipline_cases (
  id {{id}},
  -- organization, official, probationary
  subject TEXT NOT NULL,
  -- the member disciplined, or NULL when the subject is the organization itself
  member_id BIGINT REFERENCES members (id),
  -- the organization disciplined, or the member's organization when the case was opened
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  breach_summary TEXT NOT NULL,
  breach_date TEXT NOT NULL,
  -- a later breach: the limitation count restarts from it
  new_breach_date TEXT,
  -- ordinary, internal_politics, security_defence_foreign, illegal_diploma
  category TEXT NOT NULL,
  -- deferral periods as JSON [{"from": "YYYY-MM-DD", "to": "YYYY-MM-DD", "reason": "..."}]
  deferrals TEXT NOT NULL,
  -- the sanction proposed: reprimand, warning, dismissal, expulsion, dissolution
  sanction TEXT NOT NULL,
  -- the competent level (free text: "Chi bộ", "Ủy ban kiểm tra Đảng ủy ...")
  competent_level TEXT NOT NULL,
  -- a state body's discipline of the member: its date, and when the party organization heard
  state_decided_on TEXT,
  state_notified_on TEXT,
  votes_for INTEGER,
  votes_against INTEGER,
  votes_abstain INTEGER,
  votes_entitled INTEGER,
  voted_on TEXT,
  decided_on {{key_text}},
  decision_document_id BIGINT,
  decision_number TEXT,
  -- the day the subject received the decision: the appeal period counts from it
  received_on TEXT,
  appeal_received_on TEXT,
  appeal_decided_on TEXT,
  -- upheld, reduced, annulled
  appeal_outcome TEXT,
  -- open, voted, decided, appealed, appeal_decided
  state {{key_text}} NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX discipline_cases_subtree ON discipline_cases (org_path, state);
CREATE INDEX discipline_cases_member ON discipline_cases (member_id, decided_on);
