// What the terms and committees use cases (issue 12) need from storage, inside the
// transactions of app/ports/store.h; the document register numbers its documents per term.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "domain/documents/term.h"

namespace chibo::app {

using domain::Term;

// A seat a registry member holds in a term's committee (cấp ủy, ban thường vụ, ủy ban kiểm
// tra, chi ủy), from the decision that appointed (or the election that chose) them until it
// ends; ended seats stay as history.
struct TermSeat {
  int64_t id = 0;
  int64_t term_id = 0;
  OrgId org_id;
  MemberId member_id;
  std::string position;  // data/catalog/committee_positions.tsv code
  Date started_on;
  std::optional<Date> ended_on;
  std::string decision_number;
  std::string decision_authority;
  std::optional<Date> decision_date;
  std::string end_reason;
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;

  bool active_on(Date on) const {
    return started_on <= on && (!ended_on || on <= *ended_on);
  }
};

class TermRepository {
 public:
  virtual ~TermRepository() = default;
  // An organization's terms, oldest congress first.
  virtual std::vector<Term> terms_of(OrgId org) = 0;
  virtual std::optional<Term> find(int64_t id) = 0;
  // The running term (no later congress has closed it) of each of `orgs` that has one.
  virtual std::map<OrgId, Term> running_terms(const std::vector<OrgId>& orgs) = 0;
  // Inserts and fills id, version (created_at, updated_at as given).
  virtual void insert(Term& term) = 0;
  // Saves when the stored version is still before.version; bumps it. False on a stale one.
  virtual bool update(Term& term, const Term& before) = 0;

  // Seats of a term, in order of start then id (ended ones included).
  virtual std::vector<TermSeat> seats_of(int64_t term_id) = 0;
  // A member's seats in any term, newest first.
  virtual std::vector<TermSeat> seats_of_member(MemberId member) = 0;
  virtual std::optional<TermSeat> find_seat(int64_t id) = 0;
  virtual void insert_seat(TermSeat& seat) = 0;
  virtual bool update_seat(TermSeat& seat, const TermSeat& before) = 0;
};

}  // namespace chibo::app
