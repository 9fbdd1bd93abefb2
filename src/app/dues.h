// Use cases of party dues (issue 14; rules-reference §6): a member's dues basis, exemption and
// reduction decisions, payments; a cell's monthly book and its closing (kept and sent up); the
// reconciliation of a subtree (collected, kept, sent up, received from below, drilled down); a
// member's own dues; the arrears list for the removal proposal. Reading needs dues.read over the
// member's or organization's path (a member reads their own record with an own-record grant),
// writing dues.write.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/dues/allocation.h"
#include "domain/dues/amount_due.h"
#include "domain/dues/remittance.h"

namespace chibo::app {

using domain::dues::DueAmount;
using domain::dues::UnpaidYear;

struct BasisRequest {
  Month valid_from;
  std::string category;
  int64_t income = 0;
  int64_t fixed_amount = 0;
  std::string note;
};

struct ReliefRequest {
  std::string kind;  // "exemption", "reduction"
  int percent = 0;   // a reduction's
  Month from;
  std::optional<int> months;
  domain::Document decision;
  std::optional<Date> decision_date;
  std::string reason;
};

struct PaymentRequest {
  Date paid_on;
  Month first_month;
  int months = 1;
  int64_t amount = 0;
  int64_t extra = 0;
  std::string channel;
  std::string reference;
  std::string note;
};

// One month of a member's dues: what was owed (with the rules applied) and what was applied to it.
struct MemberMonth {
  DueAmount due;
  int64_t paid = 0;
  int64_t outstanding() const { return (due.status == "due" ? due.amount : 0) - paid; }
};

struct MemberDues {
  MemberId member_id;
  std::string member_name;
  OrgId org_id;
  std::string org_name;
  std::vector<DuesBasis> bases;
  std::vector<DuesRelief> reliefs;
  std::vector<DuesPayment> payments;
  std::vector<MemberMonth> months;  // `from` .. `to`, oldest first
  Month from, to;
  int64_t arrears = 0;  // unpaid dues of every month up to the last month that has ended
  int64_t credit = 0;   // paid in advance beyond the months owed so far
  int64_t extra = 0;    // voluntary extra, in all
  bool may_write = false;
};

struct BookLine {
  MemberId member_id;
  std::string member_name;
  std::string status;  // member status code
  DueAmount due;
  int64_t paid_for_month = 0;     // applied to this month
  int64_t received_in_month = 0;  // payments dated in the month (any months they are for)
  int64_t extra_in_month = 0;
  int64_t arrears = 0;  // unpaid dues up to and including the month
};

struct DuesBook {
  Organization org;
  Month month;
  std::vector<BookLine> lines;  // every member on the roll, in name order
  int64_t due = 0;
  int64_t paid_for_month = 0;
  int64_t collected = 0;  // dues received in the month (+ adjustments once closed)
  int64_t extra = 0;
  int64_t arrears = 0;
  std::optional<DuesClosing> closing;  // set once the month is closed
  std::vector<DuesAdjustment> adjustments;
  bool may_write = false;
};

// One organization in the reconciliation: its whole subtree's figures (domain::dues::drill_down).
struct ReconciliationLine {
  DuesOrg org;
  domain::dues::SubtreeLine sums;
  bool holds_members = false;  // a cell: collects from its members
};

// The reconciliation at one organization, as a committee office reads it: its subtree's line and
// one line per direct child (each drills down to its own), computed from the whole subtree's
// remittance; the rules of the shares once.
struct Reconciliation {
  Organization org;
  Month month;
  std::vector<Organization> path;                // from the top of the reader's reach down to `org`
  ReconciliationLine line;                       // `org` and its whole subtree
  std::vector<ReconciliationLine> children;      // the direct children, in path order
  std::vector<domain::dues::AppliedRule> rules;  // the shares of `line` and `children`
};

struct ArrearsEntry {
  MemberId member_id;
  std::string member_name;
  OrgId org_id;
  std::string org_name;
  UnpaidYear unpaid;  // the evidence: the months unpaid, the rule and its threshold
  int64_t arrears = 0;
};

struct ArrearsList {
  Organization org;
  int year = 0;
  Month through;
  std::vector<ArrearsEntry> items;     // members on the "xem xét xóa tên" list for dues
  std::optional<MemberId> next_after;  // paged: the cursor of the next page, when there may be one
};

// A page of the removal list: members in id order after `after`, at most `limit` (all without).
struct ArrearsPage {
  std::optional<size_t> limit;
  MemberId after;
};

Result<MemberDues> get_member_dues(Context& ctx, MemberId member, std::optional<Month> from,
                                   std::optional<Month> to);
// The signed-in user's own dues: their account must be linked to a member record.
Result<MemberDues> get_my_dues(Context& ctx, std::optional<Month> from, std::optional<Month> to);
Result<MemberDues> set_dues_basis(Context& ctx, MemberId member, const BasisRequest& request);
Result<MemberDues> record_dues_relief(Context& ctx, MemberId member, const ReliefRequest& request);
Result<MemberDues> record_dues_payment(Context& ctx, MemberId member,
                                       const PaymentRequest& request);

Result<DuesBook> get_dues_book(Context& ctx, OrgId cell, Month month);
Result<DuesBook> close_dues_month(Context& ctx, OrgId cell, Month month);
Result<DuesBook> record_dues_adjustment(Context& ctx, OrgId cell, Month month, int64_t amount,
                                        const std::string& reason);
Result<Reconciliation> get_dues_reconciliation(Context& ctx, OrgId org, Month month);
Result<ArrearsList> get_dues_arrears(Context& ctx, OrgId org, int year);
Result<ArrearsList> get_dues_arrears_page(Context& ctx, OrgId org, int year,
                                          const ArrearsPage& page);
// For `chibo check`: members whose stored dues standing is later than the truth (or missing
// while they have a dues basis), one line each.
Result<std::vector<std::string>> check_dues_standings(Context& ctx);

// The cell's dues book as an XLSX workbook in the usual layout: one sheet for a month, or one per
// month of a year (January up to the month in progress). Audited (dues.book_export).
struct DuesBookPeriod {
  std::optional<Month> month;
  std::optional<int> year;
};
struct DuesBookFile {
  std::string file_name;
  std::string content;
};
Result<DuesBookFile> export_dues_book(Context& ctx, OrgId cell, const DuesBookPeriod& period);

// A month's payments from an XLSX sheet (the first): a header row whose cells are matched by
// their Vietnamese (or English) labels, accent- and case-insensitively, then one payment per row.
// Every row is checked before anything is written; any problem refuses the whole file, each
// reported with its row ("line") and column. All or nothing, in the caller's transaction.
struct DuesImportReport {
  int64_t rows = 0;
  int64_t imported = 0;
  int64_t amount = 0;
  int64_t extra = 0;
  DuesBook book;
};
inline constexpr int64_t kMaxDuesImportRows = 10000;
Result<DuesImportReport> import_dues_payments(Context& ctx, OrgId cell, Month month,
                                              const std::string& xlsx);

}  // namespace chibo::app
