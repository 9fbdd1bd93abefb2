#include "demo/dues_demo.h"

#include <algorithm>

#include "domain/dues/allocation.h"
#include "domain/dues/amount_due.h"
#include "storage/sql/tools/table_rows.h"

namespace chibo::demo {

namespace {

using domain::dues::DueAmount;
using domain::dues::DuesBasis;
using domain::dues::DuesRelief;
using domain::dues::MemberDuesFacts;
using domain::dues::Month;

constexpr const char* kActor = "demo";
// Round to a thousand đồng (salaries and pensions are whole thousands in practice).
int64_t thousands(double value) { return static_cast<int64_t>(value / 1000.0) * 1000; }

}  // namespace

DuesDemo::DuesDemo(const domain::Catalog& catalog, const domain::RuleSet& rules, uint64_t seed,
                   Date today, std::string now, int history_months)
    : catalog_(catalog),
      rules_(rules),
      rng_(seed ^ 0xD0E5ULL),
      today_(today),
      now_(std::move(now)),
      history_months_(history_months) {}

void DuesDemo::member_written(const domain::Member& member) {
  const domain::MemberStatusInfo* status = catalog_.member_status(member.status);
  if (!status || !status->on_roll) return;
  Entry entry;
  entry.member_id = member.id.value;
  entry.org_id = member.org_id.value;
  entry.org_path = member.org_path.str();
  entry.anchor = member.party_age_anchor ? member.party_age_anchor : member.admission_date;
  const int age = member.birth_date ? whole_years_between(*member.birth_date, today_) : 45;
  const double draw = rng_.real();
  if (age <= 23) {
    entry.category = "student";
  } else if (age >= 62) {
    entry.category = "pension";
    entry.income = thousands(4'500'000 + rng_.real() * 9'000'000);
  } else if (draw < 0.02) {
    entry.category = "other_fixed";
    entry.fixed_amount = 10'000 * rng_.between(1, 5);
  } else if (draw < 0.025) {
    entry.category = "abroad_fixed";
    entry.fixed_amount = 50'000 * rng_.between(1, 8);
  } else if (draw < 0.035) {
    entry.category = "bhxh_benefit";  // on sick or maternity leave
    entry.income = thousands(3'000'000 + rng_.real() * 6'000'000);
  } else {
    entry.category = "bhxh_salary";
    // A lognormal spread around 9 million đồng a month.
    entry.income = thousands(
        std::clamp(9'000'000.0 * std::exp(0.35 * rng_.normal()), 4'960'000.0, 60'000'000.0));
  }
  // The running month and up to eleven ended ones (fewer when the options ask for less history).
  const Month first = Month::of(today_).plus(-std::min(history_months_, 11));
  entry.from = first;
  if (member.admission_date)
    entry.from = std::max(first, Month::of(*member.admission_date).plus(1));
  if (entry.from >= Month::of(today_)) return;  // admitted this month: nothing owed yet
  entries_.push_back(std::move(entry));
}

void DuesDemo::write(soci::session& session) {
  storage::TableRows bases(session, "dues_bases",
                           {"member_id", "valid_from", "category", "income", "fixed_amount",
                            "created_at", "created_by"});
  storage::TableRows reliefs(
      session, "dues_reliefs",
      {"member_id", "kind", "percent", "from_month", "months", "decision_number",
       "decision_authority", "decision_date", "reason", "created_at", "created_by"});
  storage::TableRows payments(
      session, "dues_payments",
      {"member_id", "org_id", "org_path", "paid_on", "book_month", "first_month", "months",
       "amount", "extra", "channel", "reference", "created_at", "created_by"});
  // The derived standing the server keeps on each dues write (migration 0019).
  storage::TableRows standings(session, "dues_standings",
                               {"member_id", "unpaid_from", "paid", "updated_at"});
  const Month current = Month::of(today_);
  const Month last_ended = current.plus(-1);
  long long reference_serial = 0;
  for (const Entry& entry : entries_) {
    MemberDuesFacts facts;
    DuesBasis basis;
    basis.valid_from = entry.from;
    basis.category = entry.category;
    basis.income = entry.income;
    basis.fixed_amount = entry.fixed_amount;
    facts.bases.push_back(basis);
    facts.party_age_anchor = entry.anchor;
    bases.number(entry.member_id)
        .text(entry.from.iso())
        .text(entry.category)
        .number(entry.income)
        .number(entry.fixed_amount)
        .text(now_)
        .text(kActor)
        .end_row();
    ++report_.bases;
    // A reduction decision now and then (hardship), 30/50/70 % for a few months.
    if (rng_.chance(0.004)) {
      DuesRelief relief;
      relief.kind = "reduction";
      relief.percent = static_cast<int>(30 + 20 * rng_.below(3));
      relief.from = entry.from.plus(static_cast<int>(rng_.below(6)));
      relief.months = static_cast<int>(rng_.between(3, 12));
      facts.reliefs.push_back(relief);
      reliefs.number(entry.member_id)
          .text(relief.kind)
          .number(relief.percent)
          .text(relief.from.iso())
          .number(*relief.months)
          .text(std::to_string(1 + rng_.below(90)) + "-QĐ/ĐU")
          .text("Đảng ủy cơ sở")
          .text(relief.from.first_day().add_days(-5).iso())
          .text("Hoàn cảnh gia đình khó khăn")
          .text(now_)
          .text(kActor)
          .end_row();
      ++report_.reliefs;
    }
    // The dues of each month from the basis to the running month.
    std::vector<int64_t> due;
    for (Month m = entry.from; m <= current; m = m.plus(1)) {
      const DueAmount amount = domain::dues::amount_due(facts, m, rules_);
      due.push_back(amount.status == "due" ? amount.amount : 0);
    }
    const int count = static_cast<int>(due.size());
    // Habits: monthly in cash, a quarter or a year ahead, falling behind, stopping.
    const double habit = rng_.real();
    int stop = count;  // months from this index on are not paid
    int step = 1;
    if (habit < 0.55) {
      step = 1;
    } else if (habit < 0.83) {
      step = 3;
    } else if (habit < 0.86) {
      step = 12;
    } else if (habit < 0.96) {
      stop = count - static_cast<int>(rng_.between(2, 3));  // behind by one or two ended months
    } else {
      stop = count - static_cast<int>(rng_.between(4, 7));  // stopped: the removal list
    }
    const std::string channel_mix = step == 1 ? "cash" : (rng_.chance(0.6) ? "portal" : "bank");
    bool behind = stop < count - 1;
    int64_t paid_total = 0;
    for (int index = 0; index < std::min(stop, count); index += step) {
      const int months = std::min(step, count - index);
      int64_t amount = 0;
      for (int k = 0; k < months; ++k) amount += due[index + k];
      const Month first = entry.from.plus(index);
      // Paid in the first month it covers, on a day of a cell meeting; never after today.
      Date paid_on = first.first_day().add_days(static_cast<int32_t>(rng_.between(2, 24)));
      if (paid_on > today_) {
        if (first != current) continue;
        paid_on = today_;
      }
      if (amount <= 0) continue;  // exempt or nothing owed
      // Now and then a monthly payer skips a month and pays two the next.
      if (step == 1 && index + 1 < std::min(stop, count) && rng_.chance(0.03)) {
        amount += due[index + 1];
        paid_on = first.plus(1).first_day().add_days(static_cast<int32_t>(rng_.between(2, 24)));
        if (paid_on > today_) paid_on = today_;
        ++index;
      }
      const std::string channel = step == 1 && rng_.chance(0.15) ? "portal" : channel_mix;
      const std::string reference = channel == "cash" ? std::string()
                                                      : (channel == "portal" ? "DVC-" : "NH-") +
                                                            std::to_string(++reference_serial);
      const int64_t extra = rng_.chance(0.02) ? 10'000 * rng_.between(1, 5) : 0;
      paid_total += amount;
      payments.number(entry.member_id)
          .number(entry.org_id)
          .text(entry.org_path)
          .text(paid_on.iso())
          .text(Month::of(paid_on).iso())
          .text(first.iso())
          .number(months)
          .number(amount)
          .number(extra)
          .text(channel)
          .text_or_null(reference)
          .text(now_)
          .text(kActor)
          .end_row();
      ++report_.payments;
    }
    if (behind && stop <= count - 2 && last_ended >= entry.from) ++report_.members_in_arrears;
    const std::optional<Month> standing =
        domain::dues::dues_standing(facts, paid_total, rules_, current);
    standings.number(entry.member_id)
        .text_or_null(standing ? standing->iso() : std::string())
        .number(paid_total)
        .text(now_)
        .end_row();
  }
  bases.flush();
  reliefs.flush();
  payments.flush();
  standings.flush();
}

}  // namespace chibo::demo
