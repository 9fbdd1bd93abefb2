#include "demo/terms_demo.h"

#include <algorithm>

#include "storage/sql/documents/term_repository.h"

namespace chibo::demo {

namespace {

constexpr size_t kPoolSize = 16;  // enough for the largest demo committee

struct Seat {
  const char* position;
  bool standing_too = false;
};

}  // namespace

TermsDemo::TermsDemo(const domain::Catalog& catalog, const domain::RuleSet& rules, uint64_t seed,
                     Date today, std::string now)
    : catalog_(catalog),
      rules_(rules),
      rng_(seed ^ 0x7465726D73ULL),  // "terms": a stream of its own
      today_(today),
      now_(std::move(now)) {}

void TermsDemo::org_added(const domain::Organization& org, bool full) {
  const domain::OrgKind* kind = catalog_.org_kind(org.kind);
  OrgEntry entry;
  entry.org = org;
  entry.term_class = kind ? kind->term_class : std::string();
  entry.holds_members = kind && kind->holds_members;
  entry.full = full;
  index_[org.id.value] = orgs_.size();
  orgs_.push_back(std::move(entry));
}

void TermsDemo::member_written(const domain::Member& member) {
  if (member.status != domain::status::kOfficial) return;
  // The member may sit on the committee of its cell and of every organization above it.
  for (const OrgId id : member.org_path.ids()) {
    auto found = index_.find(id.value);
    if (found == index_.end()) continue;
    OrgEntry& entry = orgs_[found->second];
    ++entry.officials;
    if (entry.pool.size() < kPoolSize) {
      entry.pool.push_back(member.id);
    } else if (const uint64_t slot = rng_.below(static_cast<uint64_t>(entry.officials));
               slot < kPoolSize) {
      entry.pool[slot] = member.id;
    }
  }
}

void TermsDemo::write(soci::session& session) {
  storage::SqlTermRepository terms(session);
  for (const OrgEntry& entry : orgs_) {
    if (entry.term_class.empty()) continue;
    const bool cell_class = entry.term_class == "cell";
    const domain::RuleParameter* length =
        rules_.in_force("term." + entry.term_class + "_months", today_);
    const int months = length ? static_cast<int>(length->value) : (cell_class ? 30 : 60);
    // The running term's congress: standard organizations held theirs in 2025 (the 2025-2030
    // round); cells within the last term length, a few of them long ago (overdue).
    Date running_close;
    if (!cell_class) {
      running_close = *Date::from_ymd(2025, 4 + static_cast<int>(rng_.below(6)),
                                      1 + static_cast<int>(rng_.below(28)));
    } else if (rng_.chance(0.04)) {
      running_close =
          today_.add_months(-(months + 9)).add_days(-static_cast<int32_t>(rng_.below(60)));
    } else {
      running_close = today_.add_months(-static_cast<int>(rng_.between(2, months - 2)))
                          .add_days(-static_cast<int32_t>(rng_.below(28)));
    }
    running_close = std::min(running_close, today_.add_days(-30));
    if (entry.org.established_on && running_close <= *entry.org.established_on) {
      running_close = std::min(entry.org.established_on->add_days(1), today_);
    }
    const Date previous_close =
        running_close.add_months(-months).add_days(static_cast<int32_t>(rng_.between(-20, 20)));
    const bool with_previous =
        entry.full && (!entry.org.established_on || *entry.org.established_on < previous_close);

    auto make_term = [&](Date closed, std::optional<Date> next) {
      app::Term term;
      term.org_id = entry.org.id.value;
      term.name = "Nhiệm kỳ " + std::to_string(closed.year()) + "-" +
                  std::to_string(closed.add_months(months).year());
      term.congress_opened_on = closed.add_days(cell_class ? 0 : -2);
      term.congress_closed_on = closed;
      term.next_congress_closed_on = next;
      term.congress_delegates = static_cast<int>(
          entry.holds_members || cell_class
              ? std::max<int64_t>(1, entry.officials - static_cast<int64_t>(rng_.below(3)))
              : std::min<int64_t>(entry.officials, 80 + static_cast<int64_t>(rng_.below(220))));
      term.created_at = term.updated_at = now_;
      return term;
    };

    // The committee: distinct members of the pool, by position.
    std::vector<Seat> seats;
    if (entry.holds_members) {
      if (!rng_.chance(0.03)) seats.push_back({"secretary"});  // a vacancy now and then
      if (entry.officials >= 5) seats.push_back({"deputy_secretary"});
      if (entry.officials >= 9) {
        const int64_t more = rng_.between(1, 3);
        for (int64_t i = 0; i < more; ++i) seats.push_back({"cell_committee_member"});
      }
    } else if (cell_class) {  // a đảng bộ bộ phận
      seats = {{"secretary"}, {"deputy_secretary"}};
      const int64_t more = rng_.between(1, 3);
      for (int64_t i = 0; i < more; ++i) seats.push_back({"committee_member"});
    } else {
      seats = {{"secretary"}, {"deputy_secretary"}};
      if (rng_.chance(0.5)) seats.push_back({"deputy_secretary"});
      const int64_t standing = rng_.between(2, 3);
      for (int64_t i = 0; i < standing; ++i) seats.push_back({"standing_member", true});
      const int64_t members = rng_.between(3, 5);
      for (int64_t i = 0; i < members; ++i) seats.push_back({"committee_member"});
      seats.push_back({"inspection_chair"});
      if (rng_.chance(0.5)) seats.push_back({"inspection_deputy"});
      seats.push_back({"inspection_member"});
    }
    if (!entry.full && seats.size() > 1) seats.resize(1);
    std::vector<MemberId> pool = entry.pool;
    for (size_t i = pool.size(); i > 1; --i) std::swap(pool[i - 1], pool[rng_.below(i)]);
    if (seats.size() > pool.size()) seats.resize(pool.size());

    int64_t committee = 0, standing = 0;
    for (const Seat& seat : seats) {
      const std::string position = seat.position;
      if (position.rfind("inspection", 0) == 0) continue;
      ++committee;
      if (position == "secretary" || position == "deputy_secretary" || seat.standing_too)
        ++standing;
    }

    const std::string authority = "Cấp ủy cấp trên trực tiếp";
    auto add_seats = [&](const app::Term& term, size_t count, std::optional<Date> ended) {
      for (size_t i = 0; i < count; ++i) {
        app::TermSeat seat;
        seat.term_id = term.id;
        seat.org_id = entry.org.id;
        seat.member_id = pool[i];
        seat.position = seats[i].position;
        seat.started_on = term.starts_on();
        seat.ended_on = ended;
        if (ended) seat.end_reason = "term_ended";
        seat.decision_date = std::min(
            today_, term.congress_closed_on.add_days(static_cast<int32_t>(rng_.between(7, 30))));
        seat.decision_number =
            std::to_string(rng_.between(1, 480)) + "-QĐ/" + (entry.holds_members ? "ĐU" : "TU");
        seat.decision_authority = authority;
        seat.created_at = seat.updated_at = now_;
        terms.insert_seat(seat);
        ++report_.seats;
      }
    };

    if (with_previous) {
      app::Term previous = make_term(previous_close, running_close);
      if (!entry.holds_members && !cell_class) {
        previous.approved_committee_size = static_cast<int>(committee);
        previous.approved_standing_size = static_cast<int>(standing);
      }
      terms.insert(previous);
      ++report_.terms;
      // The previous committee: its leaders, kept as history.
      add_seats(previous, std::min<size_t>(seats.size(), 2), running_close);
    }
    app::Term running = make_term(running_close, std::nullopt);
    if (!entry.holds_members && !cell_class) {
      // Approved by the superior; now and then the committee has grown past it (a warning).
      running.approved_committee_size =
          static_cast<int>(rng_.chance(0.05) ? std::max<int64_t>(1, committee - 1) : committee);
      running.approved_standing_size = static_cast<int>(standing);
    }
    terms.insert(running);
    ++report_.terms;
    add_seats(running, seats.size(), std::nullopt);
  }
}

}  // namespace chibo::demo
