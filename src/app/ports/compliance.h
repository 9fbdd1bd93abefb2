// What the compliance board (issue 16) needs from storage: for one source (a kind of
// out-of-rule fact) and one subtree, how many items each organization holds, and the items
// most overdue first. Every source is one indexed query over the subtree's path range.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"
#include "domain/compliance/board.h"

namespace chibo::app {

// The question one source answers. Which fields a source reads is stated with its kind in
// storage/sql/compliance/compliance_repository.cpp.
struct ComplianceAsk {
  std::string kind;  // the source's rule key, e.g. "directives.assignment_overdue"
  OrgPath subtree;
  Date as_of;                          // items whose date is before this day are out of rule
  Date from, to;                       // a period (missing meetings: the period that has ended)
  std::vector<std::string> org_kinds;  // the organizations concerned (missing meetings: cells)
  std::vector<std::string> statuses;   // members' statuses concerned (dues: those on the roll)
  std::string text;                    // a text bound (dues: the latest month that has ended)
  // Structure: the organizations whose kept subtree count of `statuses` is at or over
  // `threshold` (`at_least`), else under it.
  int64_t threshold = 0;
  bool at_least = false;
  // The source also selects a `facts` column the app reads to drop rows after SQL (limitation:
  // the case's level, category, breaches and deferrals); its counts and items are then read as
  // rows (items with a negative limit: every row) and counted by the app.
  bool facts = false;
  // Terms: the organizations of `org_kinds` whose running term's congress closed in
  // [window_from, window_before): one version of the term length rule, the congress due.
  struct Window {
    Date from;
    Date before;
  };
  std::vector<Window> windows;
};

// One item as stored; the app adds area, severity, days overdue and the link.
struct ComplianceRow {
  OrgId org_id;
  OrgPath org_path;
  std::string org_name;
  int64_t subject_id = 0;
  std::string subject_label;
  std::string date;   // ISO day, or "YYYY-MM" (dues)
  std::string facts;  // the `facts` column when the ask asks for it, else empty
};

class ComplianceRepository {
 public:
  virtual ~ComplianceRepository() = default;
  // Items per organization of the subtree (organizations without items are left out).
  virtual std::vector<domain::compliance::PathCount> counts(const ComplianceAsk& ask) = 0;
  // The first `limit` items (every item when `limit` is negative), oldest date first (most
  // overdue first), then by path and subject.
  virtual std::vector<ComplianceRow> items(const ComplianceAsk& ask, int64_t limit) = 0;
};

}  // namespace chibo::app
