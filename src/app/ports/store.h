// What the use cases need from storage. One implementation (storage/sql) serves SQLite and
// PostgreSQL; tests may supply others. Every repository call happens inside a transaction
// opened by Store::read or Store::write.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/accounts.h"
#include "app/ports/compliance.h"
#include "app/ports/directives.h"
#include "app/ports/discipline.h"
#include "app/ports/documents.h"
#include "app/ports/dues.h"
#include "app/ports/idempotency.h"
#include "app/ports/inspection.h"
#include "app/ports/jobs.h"
#include "app/ports/lifecycle.h"
#include "app/ports/meetings.h"
#include "app/ports/member_imports.h"
#include "app/ports/plans.h"
#include "app/ports/remediation.h"
#include "app/ports/review.h"
#include "app/ports/stats_snapshots.h"
#include "app/ports/terms.h"
#include "core/error.h"
#include "core/ids.h"
#include "core/org_path.h"
#include "core/result.h"
#include "domain/lifecycle/decision.h"
#include "domain/members/member.h"
#include "domain/members/standing_on.h"
#include "domain/org/organization.h"

namespace chibo::app {

using domain::FieldChange;
using domain::Member;
using domain::MemberCounts;
using domain::Organization;

struct MemberEvent {
  int64_t id = 0;
  MemberId member_id;
  std::string at;      // UTC instant
  std::string actor;   // who made the change
  std::string action;  // "create", "update", "import", "move", "merge", and the lifecycle's:
                       // "admission", "readmission", "recognition", "transfer", "exit" ...
  std::vector<FieldChange> changes;
  std::optional<Date> effective_on;  // the day a lifecycle step takes effect
  domain::Document document;         // its deciding document
};

// kAge ascending lists the youngest first.
enum class MemberSort { kName, kAge, kAdmissionDate };

struct MemberFilter {
  std::optional<OrgPath> subtree;
  std::vector<std::string> statuses;  // empty: any
  std::optional<std::string> sex;
  std::vector<std::string> ethnicities;
  std::optional<Date> born_from, born_to;  // inclusive birth-date range
  std::optional<Date> admitted_from, admitted_to;
  std::string name_query;    // folded words, matched as a prefix of a name's word suffix
  std::string number_query;  // digits or card text, matched as a prefix of CCCD / card no
  MemberSort sort = MemberSort::kName;
  bool descending = false;
  int64_t offset = 0;
  int limit = 50;
  // Access: only inside these subtrees (empty: no such limit), or only this one member.
  std::vector<OrgPath> within;
  std::optional<MemberId> only_member;
};

// Records are shared, not copied: a page may come from a cache of records.
using MemberRef = std::shared_ptr<const Member>;

struct MemberPage {
  std::vector<MemberRef> items;
  int64_t total = 0;
  // False when `total` is only a lower bound: a name prefix so common (national scale) that
  // counting its matches would take longer than a search may. The items are exact either way.
  bool total_exact = true;
  std::map<OrgId, std::string> org_names;  // names of the items' organizations
};

// Counts for dashboards: value -> members, over an organization's subtree (on the roll).
struct Breakdown {
  std::string dimension;  // "status", "sex", "ethnicity", ...
  std::vector<std::pair<std::string, int64_t>> values;
};

// A member's dated facts and breakdown values, for figures as of a past date (issue 16).
struct MemberHistory {
  MemberId id;
  domain::MemberFacts facts;
  std::string sex, birth_date, ethnicity, religion, general_education, professional_qualification,
      political_theory, exit_ground;
};

// A large subtree's kept breakdowns of today's official members, for figures as of a past date
// computed as today's minus what changed since (issue 16).
struct KeptRoll {
  // dimension (storage's stat dimensions: "sex", "birth_month", ...) -> value -> members.
  std::map<std::string, std::map<std::string, int64_t>> official;
  // The official members of the subtree born in the months asked for: (member, birth date).
  std::vector<std::pair<MemberId, std::string>> born;
};

// Official transfers that took effect in a period across a subtree's edge (issue 16).
struct TransferFlows {
  int64_t in_internal = 0;   // from elsewhere in the tree
  int64_t in_outside = 0;    // from outside the tree
  int64_t out_internal = 0;  // to elsewhere in the tree
  int64_t out_outside = 0;   // out of the tree
};

class OrgRepository {
 public:
  virtual ~OrgRepository() = default;
  virtual std::optional<Organization> find(OrgId id) = 0;
  virtual std::vector<Organization> find_many(const std::vector<OrgId>& ids) = 0;
  // Children of `parent` (roots when invalid), in Vietnamese name order.
  virtual std::vector<Organization> children(OrgId parent, bool include_inactive) = 0;
  virtual std::map<OrgId, MemberCounts> counts(const std::vector<OrgId>& ids) = 0;
  virtual std::map<OrgId, int64_t> active_child_counts(const std::vector<OrgId>& ids) = 0;
  // Active organizations where each of `words` begins a word of the folded name, of one of
  // `kinds` (any when empty), inside `within` (anywhere when empty), shallowest first then in
  // name order.
  virtual std::vector<Organization> search(const std::vector<std::string>& words,
                                           const std::vector<std::string>& kinds,
                                           const std::vector<OrgPath>& within, int limit) = 0;
  virtual std::optional<OrgId> find_by_code(const std::string& code) = 0;

  // Inserts and fills id, path, version, timestamps.
  virtual void insert(Organization& org) = 0;
  // Saves the editable fields when the stored version equals org.version; bumps it.
  virtual bool update_fields(Organization& org) = 0;
  // Moves `node` and its subtree under `new_parent`, members and counts following.
  virtual void move_subtree(const Organization& node, const Organization& new_parent,
                            const std::string& now) = 0;
  // Marks `node` and its active descendants dissolved (or merged into `merged_into`).
  virtual int64_t close_subtree(const Organization& node, domain::OrgStatus status, Date on,
                                OrgId merged_into, const std::string& now) = 0;
};

// Many new members written in one go (an import), in the caller's transaction: rows in
// batches through reused statements (COPY on PostgreSQL), the derived tables (subtree counts,
// kept breakdowns, search key bounds, the search index) brought up to date once, in finish(),
// to what inserting them one by one would have left. Until finish() the rows may not be
// visible to reads; discard() (or dropping the writer unfinished) leaves nothing of them.
class MemberBulkInsert {
 public:
  virtual ~MemberBulkInsert() = default;
  // Fills member.id and version (created_at/updated_at must be set), writes the member, its
  // search keys and `event` (whose member_id is filled in).
  virtual void add(Member& member, MemberEvent event) = 0;
  virtual void finish() = 0;
  virtual void discard() = 0;
};

class MemberRepository {
 public:
  virtual ~MemberRepository() = default;
  virtual std::optional<Member> find(MemberId id) = 0;
  virtual std::optional<MemberId> find_by_citizen_id(const std::string& citizen_id) = 0;
  virtual std::optional<MemberId> find_by_card_no(const std::string& card_no) = 0;
  virtual MemberPage page(const MemberFilter& filter) = 0;
  // Members on the roll in a subtree: up to `limit` of them (name order), and how many in all.
  virtual std::vector<ErrorItem> on_roll_in(const OrgPath& subtree, int limit, int64_t& total) = 0;
  virtual std::vector<Member> direct_members(OrgId org) = 0;
  virtual std::vector<Breakdown> breakdowns(const OrgPath& subtree, Date today) = 0;
  // Every member who may have been on the roll in `subtree` on some day in (since, until]:
  // admitted by `until`, and in it now or moved out of it by an official transfer after
  // `since`; with their official transfers and exemption events after `since` (all of them
  // for exemptions). The ids of the organizations in the subtree go to `orgs`, sorted.
  virtual void scan_history(const OrgPath& subtree, Date since, Date until,
                            std::vector<int64_t>& orgs,
                            const std::function<void(const MemberHistory&)>& visit) = 0;
  // Official transfers (not cancelled) that took effect in [from, to] across the subtree's edge.
  virtual TransferFlows transfer_flows(const OrgPath& subtree, Date from, Date to) = 0;
  // For a subtree whose breakdowns are kept (large ones): fills `kept` (its official members
  // today, and those born in `split_months`, YYYY-MM) and visits, each once, every member whose
  // standing on `on` may differ from today's: in the subtree and not official today, admitted
  // or recognized after `on` or without the date, or exited after it; and anywhere, those with
  // an official transfer after `on` or a dated exemption event. False, nothing done, when the
  // subtree's breakdowns are not kept. `orgs` as for scan_history.
  virtual bool scan_changed_since_kept(const OrgPath& subtree, Date on,
                                       const std::vector<std::string>& split_months,
                                       std::vector<int64_t>& orgs, KeptRoll& kept,
                                       const std::function<void(const MemberHistory&)>& visit) = 0;
  // Every member matching `filter` (offset and limit ignored) in its order, with the name of
  // the member's organization; for exports that must not hold the whole list in memory.
  // The members written after `utc` (an instant as stored: ISO, UTC): their rows, an official
  // transfer or a dated exemption event; ids in order.
  virtual std::vector<int64_t> changed_after(const std::string& utc) = 0;
  // These members' histories (anywhere), with their official transfers after `since`.
  virtual void scan_members(const std::vector<int64_t>& ids, Date since,
                            const std::function<void(const MemberHistory&)>& visit) = 0;
  virtual void scan(
      const MemberFilter& filter,
      const std::function<void(const Member&, const std::string& org_name)>& visit) = 0;

  // Inserts (filling id, org_path, version, timestamps) and keeps counts and search keys.
  virtual void insert(Member& member) = 0;
  // Saves when the stored version equals member.version; bumps it. False on a stale version.
  virtual bool update(Member& member, const Member& before) = 0;
  virtual void append_event(const MemberEvent& event) = 0;
  virtual std::vector<MemberEvent> history(MemberId id) = 0;
  // See MemberBulkInsert; one at a time per transaction.
  virtual std::unique_ptr<MemberBulkInsert> bulk_insert() = 0;
};

class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual OrgRepository& orgs() = 0;
  virtual MemberRepository& members() = 0;
  virtual UserRepository& users() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual AuditLog& audit() = 0;
  virtual IdempotencyRepository& idempotency() = 0;
  virtual CandidateRepository& candidates() = 0;
  virtual TransferRepository& transfers() = 0;
  virtual LifecycleRepository& lifecycle() = 0;
  virtual TermRepository& terms() = 0;
  virtual DocumentRepository& documents() = 0;
  virtual DirectiveRepository& directives() = 0;
  virtual JobRepository& jobs() = 0;
  virtual InboxRepository& inbox() = 0;
  virtual DuesRepository& dues() = 0;
  virtual PlanRepository& plans() = 0;
  virtual ReviewRepository& review() = 0;
  virtual MeetingRepository& meetings() = 0;
  virtual InspectionRepository& inspection() = 0;
  virtual DisciplineRepository& discipline() = 0;
  virtual ComplianceRepository& compliance() = 0;
  virtual MemberImportRepository& member_imports() = 0;
  virtual RemediationRepository& remediation() = 0;
  virtual StatsSnapshotRepository& stats_snapshots() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // `work` may run more than once: a transaction that failed before it committed (a lost
  // connection, a serialization failure, a deadlock) runs again from the start. So `work`
  // starts from its inputs, not from what an earlier attempt left in captured variables
  // (reset them first), and work that cannot run twice takes an app::SingleAttempt.
  //
  // Runs `work` in a read-only transaction.
  virtual Status read(const std::function<Status(Transaction&)>& work) = 0;
  // Runs `work` in a write transaction: committed when it returns Ok, rolled back otherwise
  // (and on exceptions, which propagate). Writers are serialized.
  virtual Status write(const std::function<Status(Transaction&)>& work) = 0;
  // Grows after each commit of this process that ended sessions or changed users or the
  // tree's paths: caches of who may do what are valid only while it stays the same.
  virtual uint64_t access_generation() const = 0;
};

}  // namespace chibo::app
