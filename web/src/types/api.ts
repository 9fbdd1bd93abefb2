// Shapes of the chibo JSON API (/api/v1), as rendered by src/http/json_views.cpp and
// meta_routes.cpp on the server. Dates are ISO "YYYY-MM-DD"; instants are UTC ISO strings.

export type OrgStatus = 'active' | 'dissolved' | 'merged';

export interface OrgCounts {
  official: number;
  probationary: number;
  on_roll: number;
  total: number;
}

export interface StructureWarning {
  code: string; // few_official_members, base_cell_too_large, base_committee_too_small
  rule: string; // rule key, e.g. org.min_official_members
  threshold: number;
  actual: number;
  source: string; // the rule's legal source, in Vietnamese
}

export interface OrgBrief {
  id: number;
  name: string;
  short_name: string | null;
  kind: string;
  status: OrgStatus;
}

export interface Org extends OrgBrief {
  parent_id: number | null;
  path: string; // "/1/613/"
  depth: number;
  kind_name: string;
  holds_members: boolean;
  code: string | null;
  established_on: string | null;
  dissolved_on: string | null;
  merged_into: number | null;
  version: number;
  child_count: number;
  counts: OrgCounts;
  warnings: StructureWarning[];
  created_at: string;
  updated_at: string;
}

/** GET /orgs/{id}, and every result of GET /orgs/search (OrgDetailList). */
export interface OrgDetail extends Org {
  ancestors: OrgBrief[]; // root first, the parent last; empty for a root
}

/** GET /orgs/search's query: each word of q must begin a word of the name (folded). */
export interface OrgSearchParams {
  q: string;
  limit?: number; // 1..100, default 20
  kinds?: string[]; // only these kinds (sent as kind=a,b)
  holdsMembers?: boolean; // true: only kinds that hold members (cells); false: the others
}

export interface ListOf<T> {
  items: T[];
}

export interface CountByValue {
  value: string;
  count: number;
}

export interface OrgStats {
  org_id: number;
  breakdowns: Record<string, CountByValue[]>;
}

export interface Member {
  id: number;
  full_name: string;
  birth_name: string | null;
  aliases: string[];
  sex: string | null;
  birth_date: string | null;
  place_of_birth: string | null;
  home_town: string | null;
  permanent_residence: string | null;
  current_residence: string | null;
  ethnicity: string | null;
  religion: string | null;
  citizen_id: string | null;
  party_card_no: string | null;
  phone: string | null;
  email: string | null;
  general_education: string | null;
  professional_qualification: string | null;
  political_theory: string | null;
  occupation: string | null;
  work_unit: string | null;
  position: string | null;
  discipline?: string | null; // restricted: present only for who may read it
  admission_date: string | null;
  ceremony_date: string | null; // the admission ceremony: probation runs 12 months from it
  official_date: string | null;
  probation_ends_on: string | null; // derived by the server (probationary members)
  org_id: number;
  org_name: string | null;
  status: string;
  exit_date: string | null; // off the roll only; changed only by the exit procedures
  exit_ground: string | null; // a code of Catalogs.exit_grounds for the status
  age: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface MemberEvent {
  id: number;
  at: string;
  actor: string;
  action: string; // create, update, import, demo ...
  changes: FieldChange[];
}

export interface MemberDetail extends Member {
  org: OrgBrief;
  history: MemberEvent[];
}

export interface MemberPage {
  items: Member[];
  /** Members matching; a lower bound when total_exact is false (a very common name at national scale). */
  total: number;
  total_exact?: boolean;
  page: number;
  page_size: number;
}

export interface CatalogEntry {
  code: string;
  name_vi: string;
  name_en: string;
}

export interface OrgKind extends CatalogEntry {
  parents: string[];
  /** May be a root (committee_central in one committee's deployment; party_central for the whole Party). */
  root?: boolean;
  holds_members: boolean;
  is_base: boolean;
}

export interface MemberStatusInfo extends CatalogEntry {
  on_roll: boolean;
}

export interface MemberFieldInfo {
  name: string;
  label_vi: string;
  label_en: string;
  required: boolean;
  max_length: number;
}

/** A role (data/catalog/roles.tsv): what it may do, within a scope's subtree or own record. */
export interface RoleInfo extends CatalogEntry {
  scope: 'subtree' | 'own_record';
  requires_totp: boolean;
  permissions: Permission[];
}

/** A ground for leaving the roll (data/catalog/exit_grounds.tsv), of one exit status. */
export interface ExitGround extends CatalogEntry {
  status: string; // removed, expelled, left, deceased, not_recognized, transferred_out
  readmission_allowed: boolean;
  source: string;
}

export interface Catalogs {
  roles: RoleInfo[];
  sexes: CatalogEntry[];
  ethnicities: CatalogEntry[];
  religions: CatalogEntry[];
  professional_qualifications: CatalogEntry[];
  political_theory_levels: CatalogEntry[];
  occupations: CatalogEntry[];
  org_kinds: OrgKind[];
  member_statuses: MemberStatusInfo[];
  member_fields: MemberFieldInfo[];
  age_bands: string[];
  provinces: CatalogEntry[]; // code = the first 3 digits of a citizen ID (CCCD)
  exit_grounds: ExitGround[];
}

export interface RuleParameter {
  key: string;
  value: number;
  values: number[]; // list rules (badge milestones, vote ratios); empty for single values
  effective_from: string;
  source: string;
  note: string;
}

// application/problem+json (RFC 9457) as src/http/problem.cpp writes it.
export interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
  line?: number;
  rule?: string; // the rule key broken (rules/*.toml), e.g. admission.min_age_months
  source?: string; // the rule's source document, e.g. "Điều lệ Đảng, Điều 1"
}

export interface Problem {
  type?: string;
  code: string;
  status: number;
  title: string;
  detail?: string;
  errors?: ProblemFieldError[];
  items?: { id: number | string; label: string }[];
  request_id?: string;
}

// Accounts, sessions and the audit trail (docs/accounts.md).

/** The closed set of permissions (src/domain/access/permission.h); roles hold them as data. */
export type Permission =
  | 'org.read'
  | 'org.write'
  | 'member.read'
  | 'member.write'
  | 'member.decide'
  | 'member.restricted.read'
  | 'member.restricted.write'
  | 'member.export'
  | 'member.import'
  | 'user.manage'
  | 'audit.read';

/** change_password and enrol_totp allow only the first-login steps (and me, logout). */
export type SessionStage = 'change_password' | 'enrol_totp' | 'full';

export interface Grant {
  role: string;
  role_name: string; // Vietnamese
  role_name_en?: string;
  scope_org_id: number | null; // null: everywhere
  scope_org_name: string | null;
}

export interface Me {
  id: number;
  username: string;
  display_name: string;
  stage: SessionStage;
  totp_enabled: boolean;
  must_change_password: boolean;
  grants: Grant[];
  permissions: Permission[];
  member_id?: number | null;
  session: { created_at: string; expires_at: string; idle_timeout_seconds: number };
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

export interface TotpBegin {
  secret: string;
  uri: string; // otpauth://totp/...
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  grants: Grant[];
  member_id: number | null;
  disabled: boolean;
  totp_enabled: boolean;
  must_change_password: boolean;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  open_sessions: number;
}

export interface UserPage {
  items: User[];
  total: number;
}

/** What a write sends for a grant: the role's code and the scope (null: everywhere). */
export interface GrantInput {
  role: string;
  scope_org_id: number | null;
}

/** POST /users and POST /users/{id}/reset-password: the password is shown once, here only. */
export interface UserWithPassword {
  user: User;
  one_time_password: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor_id: number | null; // null: the system or an unknown username (failed login)
  actor: string;
  session: string | null; // the session token's hash
  request_id: string | null;
  address: string | null;
  action: string; // member.update, org.move, auth.login, user.create ...
  object_type: string; // member, organization, user, session, export
  object_id: string | null;
  object_path: string | null;
  record_class: string; // ordinary, restricted
  outcome: string; // ok, refused, failed
  details: unknown; // JSON: {"field": [before, after]} for changes; counts and the like otherwise
  hash: string;
}

export interface AuditPage {
  items: AuditEvent[];
  next_before: number | null;
}

export interface AuditVerify {
  ok: boolean;
  events: number;
  head_seq?: number;
  head_hash?: string;
  first_broken?: number | null; // only when !ok
  problem?: string;
}

/** GET /audit's filters (docs/accounts.md); from/to are dates or UTC instants. */
export interface AuditFilters {
  actor_id?: number;
  object_type?: string;
  object_id?: string;
  action?: string;
  from?: string;
  to?: string;
}

// The member lifecycle (docs/lifecycle.md): admission files, probation, transfers, exits,
// party age and badges. Each decision is checked under the rules in force on its date.

/** A deciding document: its number and the authority that issued it. */
export interface DocumentRef {
  number?: string | null;
  authority?: string | null;
}

export interface Vote {
  in_favour?: number;
  against?: number;
  entitled?: number;
}

/** The rule a deadline or notice rests on (the version in force on the day concerned). */
export interface RuleRef {
  key: string;
  value: number;
  source: string;
}

export interface Introducer {
  member_id: number;
  known_since: string | null;
}

export interface AdmissionStep {
  step: string;
  on: string;
  document: DocumentRef | null;
  vote: Vote | null;
  introducers: Introducer[];
  youth_union: boolean;
  received_on: string | null;
  place: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface AdmissionStepInput {
  step: string;
  on: string;
  document?: DocumentRef | null;
  vote?: Vote | null;
  introducers?: Introducer[];
  youth_union?: boolean;
  received_on?: string | null;
  place?: string | null;
  note?: string | null;
}

export interface Notice {
  code: string; // eligible_from, age_limit, course_expires, decision_due, ceremony_overdue ...
  date: string | null;
  rule: RuleRef | null;
}

export type CandidatePhase =
  'preparing' | 'cell_review' | 'superior_review' | 'ceremony' | 'admitted' | 'closed';

export interface Candidate {
  id: number;
  full_name: string;
  birth_name: string | null;
  sex: string;
  birth_date: string;
  place_of_birth: string | null;
  home_town: string | null;
  permanent_residence: string | null;
  current_residence: string | null;
  ethnicity: string;
  religion: string;
  citizen_id: string;
  phone: string | null;
  email: string | null;
  general_education: string | null;
  professional_qualification: string | null;
  political_theory: string | null;
  occupation: string | null;
  work_unit: string | null;
  position: string | null;
  org_id: number;
  org_name: string;
  youth_union_member: boolean;
  readmission_of: number | null;
  record_cleared_on: string | null;
  over_age_approval: string | null;
  status: 'open' | 'admitted' | 'withdrawn';
  phase: CandidatePhase;
  member_id: number | null;
  closed_on: string | null;
  close_reason: string | null;
  missing: string[]; // what the current phase still lacks, in order
  notices: Notice[];
  steps: AdmissionStep[];
  needs_sub_committee_appraisal: boolean;
  needs_base_resolution: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CandidateEvent {
  id: number;
  at: string;
  actor: string;
  action: string; // create, update, step, undo_step, close, admit
  details: unknown;
}

export interface CandidateDetail extends Candidate {
  steps_to_go: string[];
  introducer_names: Record<string, string>;
  history: CandidateEvent[];
  former: {
    status: string;
    exit_date: string | null;
    exit_ground: string | null;
    previous_readmissions: number;
  } | null;
}

export interface CandidatePage {
  items: Candidate[];
  total: number;
  page: number;
  page_size: number;
}

export interface RecognitionStep {
  step: 'cell_resolution' | 'decision';
  on: string;
  document: DocumentRef | null;
  recognized: boolean;
  vote: Vote | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface Transfer {
  id: number;
  kind: 'official' | 'temporary';
  direction: 'internal' | 'outgoing' | 'incoming';
  purpose: 'work' | 'study' | null;
  state: 'in_transit' | 'away' | 'completed' | 'returned' | 'cancelled';
  member_id: number | null;
  member_name: string | null;
  from_org_id: number | null;
  from_name: string | null;
  to_org_id: number | null;
  to_name: string | null;
  external_org: string | null;
  letter_date: string;
  letter: DocumentRef | null;
  started_on: string;
  until: string | null;
  present_by: string | null;
  completed_on: string | null;
  overdue: boolean;
  gap_days: number;
  note: string | null;
  guest_citizen_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MemberLifecycle {
  member_id: number;
  status: string;
  version: number;
  today: string;
  admission_date: string | null;
  ceremony_date: string | null;
  official_date: string | null;
  exit_date: string | null;
  exit_ground: string | null;
  party_age: { years: number; months: number; days: number; gap_days: number };
  gaps: { from: string; to: string; days: number; reason: 'readmission' | 'late_transfer' }[];
  probation: {
    ends_on: string;
    consider_by: string;
    ceremony_known: boolean;
    days_to_end: number;
    overdue: boolean;
  } | null;
  recognition: RecognitionStep[];
  transfers: Transfer[];
  badges: {
    milestone: number;
    occasion: string;
    decided_on: string;
    document: DocumentRef | null;
  }[];
  next_badge: { milestone: number; on: string | null } | null;
}

export interface ProbationItem {
  id: number;
  full_name: string;
  org_id: number;
  org_name: string;
  status: string;
  version: number;
  admission_date: string | null;
  ceremony_date: string | null;
  probation_ends_on: string;
  consider_by: string;
  ceremony_known: boolean;
  days_to_end: number;
  cell_resolution: RecognitionStep | null;
  decision_due: string | null;
}

export interface ProbationLists {
  today: string;
  within_days: number;
  due: ProbationItem[];
  overdue: ProbationItem[];
  awaiting_decision: ProbationItem[];
  /** The whole lists' lengths: each list above is cut at the request's `limit`. */
  counts: { due: number; overdue: number; awaiting_decision: number };
}

export interface BadgeItem {
  id: number;
  full_name: string;
  org_id: number;
  org_name: string;
  status: string;
  version: number;
  admission_date: string | null;
  milestone: number;
  reached_on: string;
  since_last_occasion: boolean;
  highest_awarded: number;
  party_age_years: number;
}

export interface BadgeList {
  occasion: string;
  previous_occasion: string;
  total: number;
  by_milestone: Record<string, number>;
  items: BadgeItem[];
  page: number;
  page_size: number;
}

export interface BadgeAwardInput {
  occasion: string;
  decided_on: string;
  document: { number: string; authority: string };
  awards: { member_id: number; milestone: number }[];
}

export interface CalendarDay {
  date: string;
  working: boolean; // true: a weekend day worked; false: a day off
  name_vi: string;
  source: string;
}
