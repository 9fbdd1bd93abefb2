// What the dues use cases (issue 14) need from storage, inside the transactions of
// app/ports/store.h. Amounts owed are never stored: they follow from the bases, the relief
// decisions and the rules in force each month (domain/dues).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"
#include "domain/dues/dues_basis.h"
#include "domain/members/member.h"

namespace chibo::app {

using domain::dues::DuesBasis;
using domain::dues::DuesRelief;
using domain::dues::Month;

struct DuesPayment {
  int64_t id = 0;
  MemberId member_id;
  OrgId org_id;      // the cell that received it (the member's cell that day)
  OrgPath org_path;  // that cell's path then
  Date paid_on;
  Month first_month;  // the months the payer said it is for (applied oldest unpaid first)
  int months = 1;
  int64_t amount = 0;     // towards dues, whole đồng
  int64_t extra = 0;      // voluntary, above the dues
  std::string channel;    // "cash", "bank", "portal"
  std::string reference;  // the portal's or bank's transaction reference ("" for cash)
  std::string note;
  std::string created_at;
  std::string created_by;
};

// A month closed at a cell: locked. Corrections after it are adjustments.
struct DuesClosing {
  OrgId org_id;
  OrgPath org_path;
  Month month;
  int64_t members = 0;
  int64_t due = 0;
  int64_t collected = 0;  // dues received in the month (payments dated in it) + adjustments
  int64_t extra = 0;      // voluntary extra received in the month
  int64_t kept = 0;
  int64_t sent_up = 0;
  int64_t keep_bp = 0;
  std::string closed_at;
  std::string closed_by;
};

struct DuesAdjustment {
  int64_t id = 0;
  OrgId org_id;
  Month month;
  int64_t amount = 0;  // may be negative
  std::string reason;
  std::string created_at;
  std::string created_by;
};

// An organization of a subtree, for the roll-up.
struct DuesOrg {
  OrgId id;
  OrgId parent_id;
  OrgPath path;
  std::string kind;
  std::string name;
};

// One candidate of the removal list for dues with what their months' standing follows from,
// read for the lot in a few statements (DuesRepository::arrears_facts).
struct ArrearsFacts {
  MemberId member_id;
  std::string full_name;
  OrgId org_id;
  std::string org_name;
  std::optional<Date> admission_date;
  std::optional<Date> exit_date;
  std::optional<Date> party_age_anchor;
  std::optional<Date> arrived;      // the last completed incoming transfer, as arrivals_of()
  std::vector<DuesBasis> bases;     // oldest first, as bases_of()
  std::vector<DuesRelief> reliefs;  // as reliefs_of()
  int64_t paid = 0;  // every payment's dues part (amount), summed: kept in dues_standings
};

// Dues received in a month by one cell (payments dated in it).
struct Collected {
  int64_t amount = 0;
  int64_t extra = 0;
};

class DuesRepository {
 public:
  virtual ~DuesRepository() = default;

  // Each member's bases (oldest first), reliefs and payments (oldest first).
  virtual std::map<MemberId, std::vector<DuesBasis>> bases_of(
      const std::vector<MemberId>& members) = 0;
  virtual std::map<MemberId, std::vector<DuesRelief>> reliefs_of(
      const std::vector<MemberId>& members) = 0;
  virtual std::map<MemberId, std::vector<DuesPayment>> payments_of(
      const std::vector<MemberId>& members) = 0;

  virtual void insert_basis(MemberId member, DuesBasis& basis, const std::string& at,
                            const std::string& by) = 0;
  virtual void insert_relief(MemberId member, DuesRelief& relief, std::optional<Date> decided_on,
                             const std::string& at, const std::string& by) = 0;
  virtual void insert_payment(DuesPayment& payment) = 0;
  // A payment already recorded with this channel's reference.
  virtual bool reference_taken(const std::string& channel, const std::string& reference) = 0;

  virtual std::optional<DuesClosing> find_closing(OrgId org, Month month) = 0;
  virtual void insert_closing(const DuesClosing& closing) = 0;
  // The closings of a month inside a subtree.
  virtual std::vector<DuesClosing> closings_in(const OrgPath& subtree, Month month) = 0;
  virtual void insert_adjustment(DuesAdjustment& adjustment) = 0;
  virtual std::vector<DuesAdjustment> adjustments_of(OrgId org, Month month) = 0;

  // Active organizations of a subtree, shallowest first.
  virtual std::vector<DuesOrg> orgs_in(const OrgPath& subtree) = 0;
  // Dues received per cell in a month, inside a subtree (payments dated in it).
  virtual std::map<OrgId, Collected> collected_in(const OrgPath& subtree, Month month) = 0;

  // The derived standing (migration 0019): the first month the member's payments leave owed,
  // never later than the truth (domain::dues::first_unpaid_month); nullopt: no dues basis.
  // `paid`: the member's payments' dues parts summed, kept with it (migration 0036).
  virtual void put_standing(MemberId member, std::optional<Month> unpaid_from, int64_t paid,
                            const std::string& at) = 0;
  // Members of a subtree with one of `statuses` whose standing's month is `cut` or earlier (the
  // only ones who can be on the removal list for dues), member id order, after `after`, at most
  // `limit`; each with their organization's name, bases, reliefs, payments' sum and arrival:
  // four statements per 5,000 candidates.
  virtual std::vector<ArrearsFacts> arrears_facts(const OrgPath& subtree,
                                                  const std::vector<std::string>& statuses,
                                                  Month cut, MemberId after, size_t limit) = 0;
  // For `chibo check`: every stored standing, and the members that have a dues basis.
  virtual std::map<MemberId, std::optional<Month>> all_standings() = 0;
  // For `chibo check`: every stored standing's kept sum of payments.
  virtual std::map<MemberId, int64_t> all_standing_paid() = 0;
  virtual std::vector<MemberId> members_with_bases() = 0;
  // The day each member last arrived from outside the tree (a completed incoming transfer): dues
  // are owed here from then on. Members that never arrived are absent.
  virtual std::map<MemberId, Date> arrivals_of(const std::vector<MemberId>& members) = 0;
};

}  // namespace chibo::app
