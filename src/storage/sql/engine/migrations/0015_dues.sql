-- Party dues (issue 14; Quy định 01-QĐ/TW 2026, rules/dues.toml). Months are written "YYYY-MM",
-- money is whole đồng (BIGINT), never floating point. The amounts owed are not stored: they
-- follow from the dues basis, the relief decisions and the rules in force each month.

-- A member's dues basis, dated: valid from a month until the next row of the member.
CREATE TABLE dues_bases (
  id {{id}},
  member_id BIGINT NOT NULL REFERENCES members (id),
  valid_from TEXT NOT NULL,
  -- domain/dues/dues_basis.h categories
  category TEXT NOT NULL,
  income BIGINT NOT NULL,
  fixed_amount BIGINT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE UNIQUE INDEX dues_bases_member ON dues_bases (member_id, valid_from);

-- Exemption and reduction decisions.
CREATE TABLE dues_reliefs (
  id {{id}},
  member_id BIGINT NOT NULL REFERENCES members (id),
  kind TEXT NOT NULL,
  percent INTEGER NOT NULL,
  from_month TEXT NOT NULL,
  -- NULL: open (an exemption until revoked)
  months INTEGER,
  decision_number TEXT,
  decision_authority TEXT,
  decision_date TEXT,
  reason TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX dues_reliefs_member ON dues_reliefs (member_id, from_month);

-- Payments: the cell (org) that received them, the day, the months they are for (as the payer
-- said; they are applied oldest unpaid month first), dues and voluntary extra, the channel.
CREATE TABLE dues_payments (
  id {{id}},
  member_id BIGINT NOT NULL REFERENCES members (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  paid_on TEXT NOT NULL,
  -- the month of paid_on: the cell's book it is collected in
  book_month {{key_text}} NOT NULL,
  first_month TEXT NOT NULL,
  months INTEGER NOT NULL,
  amount BIGINT NOT NULL,
  extra BIGINT NOT NULL,
  -- cash, bank, portal (Cổng Dịch vụ công quốc gia)
  channel TEXT NOT NULL,
  -- the portal's (or bank's) transaction reference: one payment per reference
  reference TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX dues_payments_member ON dues_payments (member_id, paid_on);
-- A month's collection of a subtree (a cell's book, the reconciliation): month, then a path range.
CREATE INDEX dues_payments_book ON dues_payments (book_month, org_path);
CREATE UNIQUE INDEX dues_payments_reference ON dues_payments (channel, reference);

-- A month closed at a cell: what it collected, kept and sent up (locked; later corrections are
-- dues_adjustments rows). Upper levels are computed from these rows (the reconciliation).
CREATE TABLE dues_closings (
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  month {{key_text}} NOT NULL,
  members INTEGER NOT NULL,
  due BIGINT NOT NULL,
  collected BIGINT NOT NULL,
  extra BIGINT NOT NULL,
  kept BIGINT NOT NULL,
  sent_up BIGINT NOT NULL,
  keep_bp INTEGER NOT NULL,
  closed_at TEXT NOT NULL,
  closed_by TEXT NOT NULL,
  PRIMARY KEY (org_id, month)
);
CREATE INDEX dues_closings_month ON dues_closings (month, org_path);

-- A correction to a closed month, recorded (never an edit of the closed row).
CREATE TABLE dues_adjustments (
  id {{id}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  month {{key_text}} NOT NULL,
  amount BIGINT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX dues_adjustments_org ON dues_adjustments (org_id, month);
