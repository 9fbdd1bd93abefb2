// The chibo JSON API (/api/v1) as the UI names it: every shape is a schema of the server's
// OpenAPI document (src/http/openapi.json), generated into ./api.ts by `npm run gen:api`. When
// the server sends something new, document it there and regenerate; do not write shapes here.
// Dates are ISO "YYYY-MM-DD"; instants are UTC ISO strings.
import type { components, operations } from './api';

type Schemas = components['schemas'];

// Organizations.
export type OrgCounts = Schemas['OrgCounts'];
export type StructureWarning = Schemas['StructureWarning'];
export type OrgBrief = Schemas['OrgBrief'];
export type OrgStatus = OrgBrief['status'];
export type Org = Schemas['Organization'];
/** GET /orgs/{id}, and every result of GET /orgs/search (OrgDetailList). */
export type OrgDetail = Schemas['OrganizationDetail'];
export type OrgList = Schemas['OrgList'];
export type OrgDetailList = Schemas['OrgDetailList'];
export type CountByValue = Schemas['BreakdownValue'];
export type OrgStats = Schemas['Stats'];
export type OrgCreateInput = Schemas['OrgCreate'];
export type OrgUpdateInput = Schemas['OrgUpdate'];
export type OrgMoveInput = Schemas['OrgMove'];
export type OrgMergeInput = Schemas['OrgMerge'];
export type OrgDissolveInput = Schemas['OrgDissolve'];

// Members.
export type Member = Schemas['Member'];
export type FieldChange = Schemas['FieldChange'];
export type MemberEvent = Schemas['MemberEvent'];
export type MemberDetail = Schemas['MemberDetail'];
export type MemberPage = Schemas['MemberPage'];

// Catalogs and rules.
export type CatalogEntry = Schemas['CatalogEntry'];
export type OrgKind = Schemas['OrgKind'];
export type MemberStatusInfo = Schemas['MemberStatusInfo'];
export type MemberFieldInfo = Schemas['MemberFieldInfo'];
/** A role (data/catalog/roles.tsv): what it may do, within a scope's subtree or own record. */
export type RoleInfo = Schemas['RoleInfo'];
/** A ground for leaving the roll (data/catalog/exit_grounds.tsv), of one exit status. */
export type ExitGround = Schemas['ExitGround'];
export type Catalogs = Schemas['Catalogs'];
export type RuleParameter = Schemas['RuleParameter'];
export type CalendarDay = Schemas['CalendarDay'];

// application/problem+json (RFC 9457) as src/http/problem.cpp writes it.
export type ProblemFieldError = Schemas['FieldProblem'];
type ServerProblem = Schemas['Problem'];
/**
 * What a failed request carries (ApiError.problem): the server's problem, or one the client makes
 * up when no problem+json came back (network_error, http_error).
 */
export type Problem = Omit<ServerProblem, 'code' | 'type' | 'detail' | 'instance'> &
  Partial<Pick<ServerProblem, 'type' | 'detail' | 'instance'>> & {
    code: ServerProblem['code'] | 'http_error' | 'network_error';
  };

// Accounts, sessions and the audit trail (docs/accounts.md).
/** The closed set of permissions (src/domain/access/permission.h); roles hold them as data. */
export type Permission = Schemas['Permission'];
export type Me = Schemas['Me'];
/** change_password and enrol_totp allow only the first-login steps (and me, logout). */
export type SessionStage = Me['stage'];
export type Grant = Schemas['Grant'];
/** What a write sends for a grant: the role's code and the scope (null: everywhere). */
export type GrantInput = Schemas['GrantInput'];
export type LoginInput = Schemas['Login'];
export type TotpBegin = Schemas['TotpEnrolment'];
export type User = Schemas['User'];
export type UserPage = Schemas['UserList'];
export type NewUser = Schemas['UserCreate'];
export type UserChanges = Schemas['UserUpdate'];
/** POST /users and POST /users/{id}/reset-password: the password is shown once, here only. */
export type UserWithPassword = Schemas['UserCreated'];
export type AuditEvent = Schemas['AuditEvent'];
export type AuditPage = Schemas['AuditPage'];
export type AuditVerify = Schemas['AuditVerification'];
/** GET /audit's filters (docs/accounts.md); from/to are dates or UTC instants. */
export type AuditFilters = NonNullable<operations['listAudit']['parameters']['query']>;

// The member lifecycle (docs/lifecycle.md): admission files, probation, transfers, exits,
// party age and badges. Each decision is checked under the rules in force on its date.
/** A deciding document: its number and the authority that issued it. */
export type DocumentRef = Schemas['Document'];
export type Vote = Schemas['Vote'];
/** The rule a deadline or notice rests on (the version in force on the day concerned). */
export type RuleRef = Schemas['RuleRef'];
export type Introducer = Schemas['Introducer'];
export type AdmissionStep = Schemas['AdmissionStep'];
export type AdmissionStepInput = Schemas['AdmissionStepInput'];
export type Notice = Schemas['Notice'];
export type Candidate = Schemas['Candidate'];
export type CandidatePhase = Candidate['phase'];
export type CandidateEvent = Schemas['CandidateEvent'];
export type CandidateDetail = Schemas['CandidateDetail'];
export type CandidatePage = Schemas['CandidatePage'];
export type RecognitionStep = Schemas['RecognitionStep'];
export type Transfer = Schemas['Transfer'];
export type TransferCompleteInput = Schemas['TransferComplete'];
export type TransferCancelInput = Schemas['TransferCancel'];
export type MemberLifecycle = Schemas['MemberLifecycle'];
export type ProbationItem = Schemas['ProbationItem'];
export type ProbationLists = Schemas['ProbationLists'];
export type BadgeItem = Schemas['BadgeItem'];
export type BadgeList = Schemas['BadgeList'];
export type BadgeAwardInput = Schemas['BadgeAwards'];

// Terms and committees.
export type Term = Schemas['Term'];
export type TermStanding = Schemas['TermStanding'];
export type TermDetail = Schemas['TermDetail'];
export type TermList = Schemas['TermList'];
export type CommitteeSeat = Schemas['CommitteeSeat'];
export type CompositionWarning = Schemas['CompositionWarning'];
export type Committee = Schemas['Committee'];
export type CongressInput = Schemas['CongressNew'];
export type TermPatchInput = Schemas['TermPatch'];
export type SeatInput = Schemas['SeatNew'];
export type SeatEndInput = Schemas['SeatEnd'];
// The document register (issue 12): outgoing documents numbered by chibo, incoming ones with
// their own number, attachments; the catalog of types and marks.
export type PartyDocumentItem = Schemas['PartyDocumentItem'];
export type PartyDocument = Schemas['PartyDocument'];
export type PartyDocumentPage = Schemas['PartyDocumentPage'];
export type DocumentRecipient = Schemas['DocumentRecipient'];
export type DocumentRecipientInput = Schemas['DocumentRecipientInput'];
export type DocumentForward = Schemas['DocumentForward'];
export type DocumentAttachment = Schemas['DocumentAttachment'];
export type DocumentCreateInput = Schemas['DocumentCreate'];
export type IncomingDocumentCreateInput = Schemas['IncomingDocumentCreate'];
export type DocumentUpdateInput = Schemas['DocumentUpdate'];
export type DocumentWithdrawInput = Schemas['DocumentWithdraw'];
export type DocumentForwardsInput = Schemas['DocumentForwardsInput'];
export type NextDocumentNumber = Schemas['NextDocumentNumber'];
export type DocumentTypeInfo = Schemas['DocumentTypeInfo'];
export type DocumentMarkInfo = Schemas['DocumentMarkInfo'];
export type DocumentCatalog = Schemas['DocumentCatalog'];
export type IssuingBody = NonNullable<PartyDocumentItem['issuing_body']>;
export type DocumentIssuers = Schemas['DocumentIssuers'];
// Directives and their cascade (issue 13): a directive's tasks, assignments down the tree with
// their reports, the roll-up of a subtree, study sessions.
export type DirectiveKind = Schemas['DirectiveItem']['kind'];
export type DirectiveItem = Schemas['DirectiveItem'];
export type DirectivePage = Schemas['DirectivePage'];
export type Directive = Schemas['Directive'];
export type DirectiveTask = Schemas['DirectiveTask'];
export type DirectiveTaskInput = Schemas['DirectiveTaskInput'];
export type DirectiveCreateInput = Schemas['DirectiveCreate'];
export type RollupCounts = Schemas['RollupCounts'];
export type RollupPercents = Schemas['RollupPercents'];
export type RollupRow = Schemas['RollupRow'];
export type RollupStatus = RollupRow['status'];
export type DirectiveRollup = Schemas['DirectiveRollup'];
export type AssignmentTarget = Schemas['AssignmentTarget'];
export type AssignmentCreateInput = Schemas['AssignmentCreate'];
export type SubAssignmentCreateInput = Schemas['SubAssignmentCreate'];
export type AssignmentBatch = Schemas['AssignmentBatch'];
export type DirectiveFanout = Schemas['DirectiveFanout'];
export type Assignment = Schemas['Assignment'];
export type AssignmentState = Assignment['state'];
export type AssignmentPage = Schemas['AssignmentPage'];
export type AssignmentDetail = Schemas['AssignmentDetail'];
export type AssignmentReport = Schemas['AssignmentReport'];
export type ReportFigure = Schemas['ReportFigure'];
export type ReportInput = Schemas['ReportInput'];
export type ReportReviewInput = Schemas['ReportReview'];
export type ReportReturnInput = Schemas['ReportReturn'];
export type StudyInput = Schemas['StudyInput'];
export type Study = Schemas['Study'];
export type StudyList = Schemas['StudyList'];
// The in-app inbox and the background jobs (issue 13).
export type Notification = Schemas['Notification'];
export type NotificationKind = Notification['kind'];
export type InboxPage = Schemas['InboxPage'];
export type InboxUnreadCount = Schemas['InboxUnreadCount'];
export type InboxMarked = Schemas['InboxMarked'];
export type JobStatus = Schemas['JobStatus'];
export type JobKind = JobStatus['kind'];
export type JobList = Schemas['JobList'];
export type JobRunResult = Schemas['JobRunResult'];
// Personal action plans and commitments (issue 13).
export type PlanView = Schemas['PlanView'];
export type PlanSummary = Schemas['PlanSummary'];
export type PlanKind = PlanSummary['kind'];
export type PlanStatus = PlanSummary['status'];
export type PlanReview = Schemas['PlanReview'];
export type PlanReviewStage = PlanReview['stage'];
export type PlanAssessment = Schemas['PlanAssessment'];
export type PlanItem = Schemas['PlanItem'];
export type PlanHead = Schemas['PlanHead'];
export type MyPlan = Schemas['MyPlan'];
export type CellPlans = Schemas['CellPlans'];
export type CellPlanLine = Schemas['CellPlanLine'];
export type PlanNewInput = Schemas['PlanNew'];
export type PlanEditInput = Schemas['PlanEdit'];
export type PlanItemNewInput = Schemas['PlanItemNew'];
export type PlanReviewInput = Schemas['PlanReviewNew'];
// Party dues (issue 14).
export type DuesRule = Schemas['DuesRule'];
export type DuesDue = Schemas['DuesDue'];
export type DuesMonth = Schemas['DuesMonth'];
export type DuesBasis = Schemas['DuesBasis'];
export type DuesRelief = Schemas['DuesRelief'];
export type DuesPayment = Schemas['DuesPayment'];
export type MemberDues = Schemas['MemberDues'];
export type DuesPaymentNew = Schemas['DuesPaymentNew'];
export type DuesBasisNew = Schemas['DuesBasisNew'];
export type DuesReliefNew = Schemas['DuesReliefNew'];
export type DuesBook = Schemas['DuesBook'];
export type DuesBookLine = Schemas['DuesBookLine'];
export type DuesClosing = Schemas['DuesClosing'];
export type DuesCloseInput = Schemas['DuesClose'];
export type DuesAdjustmentNew = Schemas['DuesAdjustmentNew'];
export type DuesReconciliation = Schemas['DuesReconciliation'];
export type DuesReconciliationLine = Schemas['DuesReconciliationLine'];
export type DuesArrears = Schemas['DuesArrears'];
export type DuesArrearsItem = DuesArrears['items'][number];
// Cell meetings, absence notices, quality and the removal list (issue 14).
export type Meeting = Schemas['Meeting'];
export type MeetingKind = Meeting['kind'];
export type MeetingState = Meeting['state'];
export type MeetingItem = Schemas['MeetingItem'];
export type MeetingPage = Schemas['MeetingPage'];
export type MeetingNew = Schemas['MeetingNew'];
export type MeetingPatch = Schemas['MeetingPatch'];
export type MeetingRecord = Schemas['MeetingRecord'];
export type MeetingAttendanceNew = Schemas['MeetingAttendanceNew'];
export type AttendanceStatus = MeetingAttendanceNew['status'];
export type MeetingVoteNew = Schemas['MeetingVoteNew'];
export type MeetingVote = Schemas['MeetingVote'];
export type MeetingRosterLine = Schemas['MeetingRosterLine'];
export type MeetingQuality = Schemas['MeetingQuality'];
export type MeetingAbsenceNotice = Schemas['MeetingAbsenceNotice'];
export type MeetingAbsenceNoticeNew = Schemas['MeetingAbsenceNoticeNew'];
export type MeetingAbsenceDecision = Schemas['MeetingAbsenceDecision'];
export type MeetingAmendment = Schemas['MeetingAmendment'];
export type MeetingAmendmentNew = Schemas['MeetingAmendmentNew'];
export type MissingMeetings = Schemas['MissingMeetings'];
export type CellMeetingQuality = Schemas['CellMeetingQuality'];
export type RemovalCandidates = Schemas['RemovalCandidates'];
export type RemovalCandidate = RemovalCandidates['items'][number];
export type MyMeetings = Schemas['MyMeetings'];
export type MeetingCatalog = Schemas['MeetingCatalog'];
// The annual review and classification (issue 15).
export type ReviewCampaign = Schemas['ReviewCampaign'];
export type ReviewCampaignNew = Schemas['ReviewCampaignNew'];
export type ReviewCampaignView = Schemas['ReviewCampaignView'];
export type ReviewUnit = Schemas['ReviewUnit'];
export type ReviewMemberLine = Schemas['ReviewMemberLine'];
export type ReviewOfMember = NonNullable<Schemas['ReviewOfMember']>;
export type ReviewShortcoming = Schemas['ReviewShortcoming'];
export type ReviewShortcomingNew = Schemas['ReviewShortcomingNew'];
export type ReviewShortcomingClose = Schemas['ReviewShortcomingClose'];
export type ReviewSelfAssessment = Schemas['ReviewSelfAssessment'];
export type ReviewProposal = Schemas['ReviewProposal'];
export type ReviewDecisions = Schemas['ReviewDecisions'];
export type ReviewOrgGrade = Schemas['ReviewOrgGrade'];
export type MemberReviews = Schemas['MemberReviews'];
export type ReviewGrade = ReviewSelfAssessment['grade'];
export type ReviewCampaignList = Schemas['ReviewCampaignList'];
export type ReviewShortcomingList = Schemas['ReviewShortcomingList'];

// Inspection and supervision (issue 15).
export type InspectionProgramme = Schemas['InspectionProgramme'];
export type InspectionProgrammeLine = Schemas['InspectionProgrammeLine'];
export type InspectionProgrammeList = Schemas['InspectionProgrammeList'];
export type InspectionProgrammeView = Schemas['InspectionProgrammeView'];
export type InspectionProgrammeNew = Schemas['InspectionProgrammeNew'];
export type InspectionProgrammePatch = Schemas['InspectionProgrammePatch'];
export type InspectionNew = Schemas['InspectionNew'];
export type InspectionLine = Schemas['InspectionLine'];
export type InspectionView = Schemas['InspectionView'];
export type InspectionStageNew = Schemas['InspectionStageNew'];
export type InspectionConclusionNew = Schemas['InspectionConclusionNew'];
export type InspectionItem = Schemas['InspectionItem'];
export type InspectionItemList = Schemas['InspectionItemList'];
export type InspectionItemClose = Schemas['InspectionItemClose'];
export type InspectionStageCode = InspectionLine['stage'];
export type InspectionKind = InspectionLine['kind'];

// Discipline (issue 15): restricted records with their clocks.
export type DisciplineCase = Schemas['DisciplineCase'];
export type DisciplineCaseList = Schemas['DisciplineCaseList'];
export type DisciplineCaseNew = Schemas['DisciplineCaseNew'];
export type DisciplineCasePatch = Schemas['DisciplineCasePatch'];
export type DisciplineVote = Schemas['DisciplineVote'];
export type DisciplineDecision = Schemas['DisciplineDecision'];
export type DisciplineAppeal = Schemas['DisciplineAppeal'];
export type DisciplineSuspensionRequest = Schemas['DisciplineSuspensionRequest'];
export type DisciplineClosureRequest = Schemas['DisciplineClosureRequest'];
export type DisciplineDeadline = NonNullable<Schemas['DisciplineDeadline']>;
export type DisciplineLimitation = NonNullable<Schemas['DisciplineLimitation']>;
export type DisciplineSanction = DisciplineCase['sanction'];
export type DisciplineSubject = DisciplineCase['subject'];
export type DisciplineCategory = DisciplineCase['category'];
export type MemberDiscipline = Schemas['MemberDiscipline'];
export type ComplianceBoard = Schemas['ComplianceBoard'];
export type ComplianceItems = Schemas['ComplianceItems'];
export type ComplianceItem = Schemas['ComplianceItem'];
export type MemberImport = Schemas['MemberImport'];
// Remediation across the review and the inspections (issue 15).
export type RemediationList = Schemas['RemediationList'];
export type RemediationItem = Schemas['RemediationItem'];
/** One of the signed-in user's own sessions (GET /auth/sessions), by its public id. */
export type OwnSession = Schemas['OwnSession'];
export type OwnSessionList = Schemas['OwnSessionList'];
/** POST /auth/sessions/end: exactly one of id and others, with the current password. */
export type OwnSessionsEnd = Schemas['OwnSessionsEnd'];
export type SessionsEnded = Schemas['SessionsEnded'];
