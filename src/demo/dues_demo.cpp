#include "demo/dues_demo.h"

#include <algorithm>

#include "domain/dues/allocation.h"
#include "domain/dues/amount_due.h"
#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/statement.h"

namespace chibo::demo {

namespace {

using domain::dues::DueAmount;
using domain::dues::DuesBasis;
using domain::dues::DuesRelief;
using domain::dues::MemberDuesFacts;
using domain::dues::Month;

constexpr const char* kActor = "demo";
// Rows per INSERT: small enough for SQLite's bound-parameter limit (32,766) and a short
// statement, large enough that statements are few.
constexpr size_t kRowsPerStatement = 400;

// Multi-row INSERTs: integers are written inline (they cannot carry SQL), text is bound.
class RowBatch {
 public:
  RowBatch(soci::session& session, std::string head) : session_(session), head_(std::move(head)) {}
  ~RowBatch() = default;

  // Starts a row; then add values in column order.
  RowBatch& row() {
    if (rows_ == kRowsPerStatement) flush();
    sql_ += rows_ == 0 ? " VALUES (" : ", (";
    first_ = true;
    ++rows_;
    return *this;
  }
  RowBatch& number(long long value) { return put(std::to_string(value)); }
  RowBatch& text(std::string value) {
    if (value.empty()) return put("NULL");
    return put(bindings_.text(std::move(value)));
  }
  RowBatch& null() { return put("NULL"); }
  RowBatch& end() {
    sql_ += ")";
    return *this;
  }
  void flush() {
    if (rows_ == 0) return;
    soci::statement statement(session_);
    bindings_.attach(statement);
    storage::prepare_unnamed(statement, head_ + sql_);
    statement.execute(true);
    sql_.clear();
    bindings_ = storage::Bindings();
    rows_ = 0;
  }

 private:
  RowBatch& put(const std::string& value) {
    if (!first_) sql_ += ", ";
    sql_ += value;
    first_ = false;
    return *this;
  }
  soci::session& session_;
  std::string head_;
  std::string sql_;
  storage::Bindings bindings_;
  size_t rows_ = 0;
  bool first_ = true;
};

// Payments are most of the rows: bound as columns (SOCI vectors), one prepared INSERT for a
// batch. SQLite runs it as one statement stepped per row (about a million rows a second).
constexpr size_t kPaymentsPerBatch = 20000;

struct PaymentColumns {
  std::vector<long long> member_id, org_id, months, amount, extra;
  std::vector<std::string> org_path, paid_on, book_month, first_month, channel, reference;
  std::vector<soci::indicator> reference_ind;

  void flush(soci::session& session, const std::string& now) {
    if (member_id.empty()) return;
    // Named: SOCI keeps references to the bound vectors until the statement has run.
    std::vector<std::string> at(member_id.size(), now);
    std::vector<std::string> by(member_id.size(), kActor);
    soci::statement statement =
        (session.prepare << "INSERT INTO dues_payments (member_id, org_id, org_path, paid_on, "
                            "book_month, first_month, months, amount, extra, channel, reference, "
                            "created_at, created_by) VALUES (:m, :o, :p, :d, :b, :f, :n, :a, :e, "
                            ":c, :r, :t, :u)",
         soci::use(member_id), soci::use(org_id), soci::use(org_path), soci::use(paid_on),
         soci::use(book_month), soci::use(first_month), soci::use(months), soci::use(amount),
         soci::use(extra), soci::use(channel), soci::use(reference, reference_ind), soci::use(at),
         soci::use(by));
    statement.execute(true);
    for (auto* column : {&member_id, &org_id, &months, &amount, &extra}) column->clear();
    for (auto* column : {&org_path, &paid_on, &book_month, &first_month, &channel, &reference})
      column->clear();
    reference_ind.clear();
  }
};

struct BasisColumns {
  std::vector<long long> member_id, income, fixed_amount;
  std::vector<std::string> valid_from, category;

  void flush(soci::session& session, const std::string& now) {
    if (member_id.empty()) return;
    std::vector<std::string> at(member_id.size(), now);
    std::vector<std::string> by(member_id.size(), kActor);
    soci::statement statement =
        (session.prepare << "INSERT INTO dues_bases (member_id, valid_from, category, income, "
                            "fixed_amount, created_at, created_by) VALUES (:m, :v, :c, :i, :f, "
                            ":t, :u)",
         soci::use(member_id), soci::use(valid_from), soci::use(category), soci::use(income),
         soci::use(fixed_amount), soci::use(at), soci::use(by));
    statement.execute(true);
    for (auto* column : {&member_id, &income, &fixed_amount}) column->clear();
    valid_from.clear();
    category.clear();
  }
};

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
  BasisColumns bases;
  RowBatch reliefs(session,
                   "INSERT INTO dues_reliefs (member_id, kind, percent, from_month, months, "
                   "decision_number, decision_authority, decision_date, reason, created_at, "
                   "created_by)");
  PaymentColumns payments;
  // The derived standing the server keeps on each dues write (migration 0019).
  RowBatch standings(session, "INSERT INTO dues_standings (member_id, unpaid_from, updated_at)");
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
    bases.member_id.push_back(entry.member_id);
    bases.valid_from.push_back(entry.from.iso());
    bases.category.push_back(entry.category);
    bases.income.push_back(entry.income);
    bases.fixed_amount.push_back(entry.fixed_amount);
    if (bases.member_id.size() == kPaymentsPerBatch) bases.flush(session, now_);
    ++report_.bases;
    // A reduction decision now and then (hardship), 30/50/70 % for a few months.
    if (rng_.chance(0.004)) {
      DuesRelief relief;
      relief.kind = "reduction";
      relief.percent = static_cast<int>(30 + 20 * rng_.below(3));
      relief.from = entry.from.plus(static_cast<int>(rng_.below(6)));
      relief.months = static_cast<int>(rng_.between(3, 12));
      facts.reliefs.push_back(relief);
      reliefs.row()
          .number(entry.member_id)
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
          .end();
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
      payments.member_id.push_back(entry.member_id);
      payments.org_id.push_back(entry.org_id);
      payments.org_path.push_back(entry.org_path);
      payments.paid_on.push_back(paid_on.iso());
      payments.book_month.push_back(Month::of(paid_on).iso());
      payments.first_month.push_back(first.iso());
      payments.months.push_back(months);
      payments.amount.push_back(amount);
      payments.extra.push_back(extra);
      payments.channel.push_back(channel);
      payments.reference.push_back(reference);
      payments.reference_ind.push_back(reference.empty() ? soci::i_null : soci::i_ok);
      if (payments.member_id.size() == kPaymentsPerBatch) payments.flush(session, now_);
      ++report_.payments;
    }
    if (behind && stop <= count - 2 && last_ended >= entry.from) ++report_.members_in_arrears;
    const std::optional<Month> standing =
        domain::dues::dues_standing(facts, paid_total, rules_, current);
    standings.row()
        .number(entry.member_id)
        .text(standing ? standing->iso() : std::string())
        .text(now_)
        .end();
  }
  bases.flush(session, now_);
  reliefs.flush();
  payments.flush(session, now_);
  standings.flush();
}

}  // namespace chibo::demo
