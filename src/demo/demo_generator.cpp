#include "demo/demo_generator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

#include "demo/demo_data.h"
#include "demo/discipline_demo.h"
#include "demo/documents_demo.h"
#include "demo/dues_demo.h"
#include "demo/lifecycle_demo.h"
#include "demo/meetings_demo.h"
#include "demo/plans_demo.h"
#include "demo/review_demo.h"
#include "domain/members/member_rules.h"
#include "storage/sql/tools/bulk_writer.h"
#include "storage/sql/tools/deferred_indexes.h"
#include "text/fold.h"

namespace chibo::demo {

namespace {

using domain::Member;
using domain::Organization;

constexpr long long kBlocMembers = 65000;
constexpr long long kSingleBlocLimit = 200000;
constexpr double kMembersPerCell = 11.2;
constexpr double kMembersPerBaseOrg = 66.0;
constexpr const char* kDemoActor = "demo";

std::string pad(long long value, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%0*lld", width, value);
  return buffer;
}

// Splits `total` into `parts` positive shares with log-normal spread (sigma); sums to total.
std::vector<long long> split(Rng& rng, long long total, size_t parts, double sigma,
                             const std::vector<double>* base = nullptr) {
  std::vector<double> weights(parts);
  double sum = 0;
  for (size_t index = 0; index < parts; ++index) {
    weights[index] = (base ? (*base)[index] : 1.0) * std::exp(sigma * rng.normal());
    sum += weights[index];
  }
  std::vector<long long> shares(parts, 0);
  long long assigned = 0;
  for (size_t index = 0; index < parts; ++index) {
    shares[index] = std::max<long long>(
        1, static_cast<long long>(static_cast<double>(total) * weights[index] / sum));
    assigned += shares[index];
  }
  // Settle rounding on the largest shares.
  size_t cursor = 0;
  while (assigned != total && parts > 0) {
    const size_t index = cursor++ % parts;
    if (assigned < total) {
      ++shares[index];
      ++assigned;
    } else if (shares[index] > 1) {
      --shares[index];
      --assigned;
    }
    if (cursor > parts * 64 && assigned > total) break;  // every share is 1: total < parts
  }
  return shares;
}

class Generator {
 public:
  Generator(const DemoData& data, const DemoRules& rules, storage::BulkWriter& writer,
            const DemoOptions& options)
      : data_(data),
        catalog_(rules.catalog),
        rules_(rules.rules),
        calendar_(rules.calendar),
        writer_(writer),
        options_(options),
        rng_(options.seed),
        lifecycle_(catalog_, rules_, calendar_, rng_, options.today, options.now_utc),
        terms_(catalog_, rules_, options.seed, options.today, options.now_utc),
        documents_(catalog_, rules_, data_, options.seed, options.today, options.now_utc),
        directives_(options.seed, options.today, options.now_utc, &rules_, &calendar_),
        dues_(catalog_, rules_, options.seed, options.today, options.now_utc,
              options.history_months),
        plans_(catalog_, rules_, options.seed, options.today, options.now_utc),
        review_(catalog_, rules_, options.seed, options.today, options.now_utc),
        meetings_(options.seed, options.today, options.now_utc, options.history_months),
        inspection_(options.seed, options.today, options.now_utc),
        discipline_(options.seed, options.today, options.now_utc) {
    for (const domain::CatalogEntry& province : catalog_.provinces.entries()) {
      // Central agencies recruit mostly from Hà Nội and the northern provinces.
      const double weight = province.code == "001"   ? 1500
                            : province.code == "079" ? 120
                            : province.code < "040"  ? 40
                                                     : 18;
      provinces_.add(province, weight);
    }
  }

  DemoReport run() {
    const long long total = options_.members;
    const long long bloc = total <= kSingleBlocLimit ? total : kBlocMembers;
    // At national scale the bloc and the 63 provincial committees sit under one national root,
    // whose dashboard is the whole Party's.
    std::optional<Organization> nation;
    if (total > bloc) {
      nation = add_org(nullptr, "party_central", "Đảng Cộng sản Việt Nam", "ĐCSVN", "TW",
                       *Date::from_ymd(1930, 2, 3));
    }
    build_bloc(bloc, nation ? &*nation : nullptr);
    in_bloc_ = false;
    if (total > bloc) build_provinces(total - bloc, &*nation);
    auto timed = [this](const char* area, auto write) {
      const auto started = std::chrono::steady_clock::now();
      write();
      if (options_.area_written)
        options_.area_written(
            area,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    };
    soci::session& session = writer_.session();
    timed("members", [&] {
      lifecycle_.write_awards(writer_);
      writer_.finish();
    });
    timed("admissions and transfers", [&] { lifecycle_.write(session); });
    report_.lifecycle = lifecycle_.report();
    timed("terms", [&] { terms_.write(session); });
    report_.terms = terms_.report();
    timed("documents", [&] { documents_.write(session); });
    report_.documents = documents_.report();
    timed("directives", [&] { directives_.write(session); });
    report_.directives = directives_.report();
    {
      // The areas with a row per member or more load with their indexes built once at the end.
      storage::DeferredIndexes deferred(
          session, writer_.engine(),
          {"dues_bases", "dues_reliefs", "dues_payments", "dues_standings", "plans", "plan_items",
           "plan_reviews", "plan_assessments", "review_units", "review_members", "review_counts",
           "remediation_items", "meetings", "meeting_attendance", "meeting_votes"});
      timed("dues", [&] { dues_.write(session); });
      report_.dues = dues_.report();
      timed("personal plans", [&] { plans_.write(session); });
      report_.plans = plans_.report();
      timed("review", [&] { review_.write(session); });
      report_.review = review_.report();
      timed("meetings", [&] { meetings_.write(session); });
      report_.meetings = meetings_.report();
      timed("indexes", [&] { deferred.restore(); });
    }
    timed("inspection", [&] { inspection_.write(session); });
    report_.inspection = inspection_.report();
    timed("discipline", [&] { discipline_.write(session); });
    report_.discipline = discipline_.report();
    return report_;
  }

 private:
  Organization add_org(const Organization* parent, const std::string& kind, const std::string& name,
                       const std::string& short_name, const std::string& code, Date established) {
    Organization org;
    org.id = OrgId(next_org_id_++);
    org.parent_id = parent ? parent->id : OrgId();
    org.path = parent ? parent->path.child(org.id) : OrgPath::root(org.id);
    org.kind = kind;
    org.name = name;
    org.short_name = short_name;
    org.code = code;
    org.established_on = established;
    org.created_at = org.updated_at = options_.now_utc;
    writer_.add_org(org);
    const domain::OrgKind* kind_info = catalog_.org_kind(kind);
    terms_.org_added(org, in_bloc_ || !(kind_info && kind_info->holds_members));
    documents_.org_added(org, in_bloc_);
    directives_.org_added(org, in_bloc_);
    review_.org_added(org, in_bloc_);
    inspection_.org_added(org, in_bloc_);
    const domain::OrgKind* info = catalog_.org_kind(kind);
    if (info && info->holds_members) ++report_.cells;  // chi bộ cơ sở counts as a cell too
    if (info && info->is_base) ++report_.base_orgs;
    if (kind == "party_central" || kind == "committee_central" || kind == "committee_above_base")
      ++report_.committees;
    return org;
  }

  Date random_date(int from_year, int to_year) {
    const Date start = *Date::from_ymd(from_year, 1, 1);
    const Date end = std::min(*Date::from_ymd(to_year, 12, 31), options_.today);
    return start.add_days(
        static_cast<int32_t>(rng_.below(static_cast<uint64_t>(end.serial() - start.serial() + 1))));
  }

  void build_bloc(long long members, const Organization* nation) {
    const Organization root =
        add_org(nation, "committee_central", "Đảng bộ Khối các cơ quan Trung ương",
                "Đảng bộ Khối CCQ TW", "DBK", *Date::from_ymd(2007, 4, 11));
    std::vector<double> weights;
    for (const Agency& agency : data_.agencies) weights.push_back(agency.weight);
    const std::vector<long long> shares =
        split(rng_, members, data_.agencies.size(), 0.15, &weights);
    for (size_t index = 0; index < data_.agencies.size(); ++index) {
      const Agency& agency = data_.agencies[index];
      const std::string code = "DBK." + pad(static_cast<long long>(index + 1), 2);
      const Date established = random_date(2007, 2010);
      if (agency.kind == "base_committee") {
        const Organization org =
            add_org(&root, "base_committee", agency.name, agency.short_name, code, established);
        build_cells_of(org, shares[index], agency.short_name, code);
      } else {
        const Organization org = add_org(&root, "committee_above_base", agency.name,
                                         agency.short_name, code, established);
        build_base_orgs(org, shares[index], agency.short_name, code, data_.base_units);
      }
    }
  }

  void build_provinces(long long members, const Organization* nation) {
    std::vector<double> weights;
    std::vector<const domain::CatalogEntry*> provinces;
    for (const domain::CatalogEntry& province : catalog_.provinces.entries()) {
      provinces.push_back(&province);
      weights.push_back(province.code == "001" || province.code == "079" ? 4.0 : 1.0);
    }
    const std::vector<long long> shares = split(rng_, members, provinces.size(), 0.3, &weights);
    for (size_t index = 0; index < provinces.size(); ++index) {
      const std::string& place = provinces[index]->name_vi;
      const bool city = place.rfind("Thành phố", 0) == 0 || place == "Hà Nội" ||
                        place == "Hải Phòng" || place == "Đà Nẵng" || place == "Cần Thơ";
      const std::string bare = place.rfind("Thành phố ", 0) == 0
                                   ? place.substr(std::string("Thành phố ").size())
                                   : place;
      const std::string name = (city ? "Đảng bộ thành phố " : "Đảng bộ tỉnh ") + bare;
      const std::string code = "T" + provinces[index]->code;
      const Organization root =
          add_org(nation, "committee_central", name, bare, code, *Date::from_ymd(1930, 2, 3));
      // Since 2025 commune and ward committees sit directly above base organizations.
      const long long communes = std::max<long long>(1, shares[index] / 3000);
      const std::vector<long long> commune_shares =
          split(rng_, shares[index], static_cast<size_t>(communes), 0.4);
      std::unordered_map<std::string, int> used;
      for (size_t commune = 0; commune < commune_shares.size(); ++commune) {
        std::string place_name = data_.place_syllables[rng_.below(data_.place_syllables.size())] +
                                 " " +
                                 data_.place_syllables[rng_.below(data_.place_syllables.size())];
        if (int& count = used[place_name]; count++ > 0) place_name += " " + std::to_string(count);
        const std::string commune_code = code + "." + pad(static_cast<long long>(commune + 1), 3);
        const Organization org =
            add_org(&root, "committee_above_base", "Đảng bộ xã " + place_name, "Xã " + place_name,
                    commune_code, *Date::from_ymd(2025, 7, 1));
        build_base_orgs(org, commune_shares[commune], "xã " + place_name, commune_code,
                        data_.place_syllables);
      }
    }
  }

  // Base organizations under a committee: chi bộ cơ sở when small, đảng bộ cơ sở when large
  // (with a few exceptions either way, as consent allows, so structural warnings show up).
  void build_base_orgs(const Organization& parent, long long members,
                       const std::string& agency_short, const std::string& code,
                       const std::vector<std::string>& unit_names) {
    const size_t count =
        static_cast<size_t>(std::max<long long>(1, std::llround(members / kMembersPerBaseOrg)));
    const std::vector<long long> shares = split(rng_, members, count, 0.8);
    for (size_t index = 0; index < count; ++index) {
      const long long size = shares[index];
      const bool big = size >= 30;
      const bool committee = big ? !rng_.chance(0.04) : rng_.chance(0.06);
      std::string unit = unit_names[rng_.below(unit_names.size())];
      if (&unit_names == &data_.place_syllables)
        unit = "thôn " + unit + " " + std::to_string(index + 1);
      const std::string base_code = code + "." + pad(static_cast<long long>(index + 1), 3);
      const Date established = random_date(2008, 2022);
      if (committee) {
        const Organization org =
            add_org(&parent, "base_committee", "Đảng bộ " + unit, unit, base_code, established);
        build_cells_of(org, size, unit + ", " + agency_short, base_code);
      } else {
        const Organization org =
            add_org(&parent, "base_cell", "Chi bộ " + unit, unit, base_code, established);
        // A chi bộ cơ sở is its own base organization.
        fill_cell({org, org.id, {false, false}, in_bloc_}, size, unit + ", " + agency_short);
      }
    }
  }

  // Cells under a base committee; large committees group cells in đảng bộ bộ phận.
  void build_cells_of(const Organization& base, long long members, const std::string& work_unit,
                      const std::string& code) {
    const size_t cells =
        static_cast<size_t>(std::max<long long>(1, std::llround(members / kMembersPerCell)));
    const std::vector<long long> shares = split(rng_, members, cells, 0.45);
    const bool grouped = cells > 40;
    const size_t per_group = 12;
    Organization group = base;
    for (size_t index = 0; index < cells; ++index) {
      if (grouped && index % per_group == 0) {
        const std::string group_code =
            code + ".B" + pad(static_cast<long long>(index / per_group + 1), 2);
        group = add_org(&base, "sub_committee",
                        "Đảng bộ bộ phận " + std::to_string(index / per_group + 1), "", group_code,
                        random_date(2010, 2022));
      }
      const std::string unit = data_.cell_units[rng_.below(data_.cell_units.size())];
      const std::string cell_code = code + "." + pad(static_cast<long long>(index + 1), 3);
      const Organization cell = add_org(grouped ? &group : &base, "cell", "Chi bộ " + unit, unit,
                                        cell_code, random_date(2008, 2023));
      fill_cell({cell, base.id, {grouped, true}, in_bloc_}, shares[index], unit + ", " + work_unit);
    }
  }

  void fill_cell(const CellPlace& place, long long count, const std::string& work_unit) {
    for (long long index = 0; index < count; ++index) {
      Member member = make_member(place.cell, work_unit);
      lifecycle_.shape_member(member, place);
      writer_.add_member(member, kDemoActor, "demo");
      lifecycle_.member_written(member, place);
      terms_.member_written(member);
      dues_.member_written(member);
      plans_.member_written(member);
      review_.member_written(member, place.in_bloc);
      meetings_.member_written(member);
      discipline_.member_written(member);
      ++report_.members;
      if (options_.progress && report_.members % 50000 == 0)
        options_.progress(report_.members, options_.members);
    }
    // People the cell is preparing for admission: never written as members (their CCCDs come
    // from the same counters, so they are unique).
    lifecycle_.cell_done(place, [&](int age) { return make_member(place.cell, work_unit, age); });
  }

  std::string citizen_id(const std::string& province, const std::string& sex, Date birth) {
    const int century_digit = domain::citizen_id_century_digit(birth.year(), sex);
    const int bucket = std::stoi(province) * 1000 + century_digit * 100 + birth.year() % 100;
    const long long serial = bucket_counters_[bucket]++;
    // An affine map modulo 10^6 is a bijection, so serials never repeat within a bucket.
    const long long scrambled = (serial * 390389 + bucket * 7919) % 1000000;
    return province + std::to_string(century_digit) + pad(birth.year() % 100, 2) +
           pad(scrambled, 6);
  }

  // `forced_age`: a person of that age (candidates), else the age an occupation suggests.
  Member make_member(const Organization& cell, const std::string& work_unit, int forced_age = 0) {
    Member member;
    member.id = MemberId(next_member_id_++);
    member.org_id = cell.id;
    member.org_path = cell.path;
    const bool female = rng_.chance(0.45);
    member.sex = female ? "female" : "male";
    const std::string family = data_.family_names.pick(rng_);
    const std::string middle = (female ? data_.female_middle : data_.male_middle).pick(rng_);
    const std::string given = (female ? data_.female_given : data_.male_given).pick(rng_);
    member.full_name = family + " " + middle + " " + given;
    member.occupation = data_.occupations.pick(rng_);
    int age = 0;
    if (forced_age > 0) {
      age = forced_age;
    } else if (member.occupation == "retired") {
      age = static_cast<int>(rng_.between(60, 88));
    } else if (member.occupation == "student") {
      age = static_cast<int>(rng_.between(19, 24));
    } else {
      age = std::clamp(static_cast<int>(std::lround(41 + 10 * rng_.normal())), 22, 62);
    }
    const Date today = options_.today;
    member.birth_date = today.add_years(-age).add_days(-static_cast<int32_t>(rng_.below(365)));
    const domain::CatalogEntry& province = provinces_.pick(rng_);
    member.citizen_id = citizen_id(province.code, member.sex, *member.birth_date);
    member.place_of_birth = province.name_vi;
    member.home_town = rng_.chance(0.7) ? province.name_vi : provinces_.pick(rng_).name_vi;
    member.permanent_residence = data_.residences.pick(rng_);
    member.current_residence =
        rng_.chance(0.85) ? member.permanent_residence : data_.residences.pick(rng_);
    member.ethnicity = data_.ethnicities.pick(rng_);
    member.religion = data_.religions.pick(rng_);
    // Admission: most join between 20 and 35; about 3% joined in the last year (probation).
    const Date eighteen = member.birth_date->add_years(19);
    if (age >= 20 && rng_.chance(0.03)) {
      // Decided 2 weeks to 15 months ago; the ceremony within a few weeks of the decision.
      // Those past 12 months await recognition, some of them overdue.
      member.admission_date = today.add_days(-static_cast<int32_t>(rng_.between(14, 460)));
      member.ceremony_date = std::min(
          today, member.admission_date->add_days(static_cast<int32_t>(rng_.between(5, 30))));
      member.status = "probationary";
    } else {
      const int latest_age = std::max(20, std::min(age - 1, 40));
      const int join_age = static_cast<int>(rng_.between(20, latest_age));
      Date admitted =
          member.birth_date->add_years(join_age).add_days(static_cast<int32_t>(rng_.below(300)));
      admitted = std::max(admitted, eighteen);
      admitted = std::min(admitted, today.add_days(-400));
      member.admission_date = admitted;
      member.ceremony_date = admitted.add_days(static_cast<int32_t>(rng_.between(5, 30)));
      member.official_date = member.ceremony_date->add_months(12);
      member.status = "official";
      if (member.occupation == "retired" && age >= 75 && rng_.chance(0.3))
        member.status = "exempted";
      const double roll = rng_.real();
      const char* exit = roll < 0.001                ? "removed"
                         : roll < 0.002              ? "left"
                         : roll < 0.004 && age >= 60 ? "deceased"
                                                     : nullptr;
      if (exit) {
        member.status = exit;
        const Date earliest = std::max(*member.official_date, today.add_years(-8));
        member.exit_date = earliest.add_days(static_cast<int32_t>(
            rng_.below(static_cast<uint64_t>(today.serial() - earliest.serial()))));
        member.exit_ground =
            std::string(exit) == "removed"
                ? (rng_.chance(0.6) ? "missed_activities_or_dues" : "violated_standards_two_years")
            : std::string(exit) == "left" ? "resigned_family_hardship"
                                          : "deceased";
      }
      // Cards are numbered per person; an affine map modulo 10^8 keeps them unique.
      member.party_card_no = pad((member.id.value * 48271 + 10203040) % 100000000, 8);
    }
    if (rng_.chance(0.75))
      member.phone = "09" + pad(static_cast<long long>(rng_.below(100000000)), 8);
    if (rng_.chance(0.4)) {
      std::string initials;
      for (const std::string& word : text::fold_words(family + " " + middle))
        initials += word.substr(0, 1);
      member.email =
          text::fold(given) + initials + std::to_string(member.id.value) + "@demo.chibo.vn";
    }
    member.general_education =
        member.birth_date->year() < 1970 && rng_.chance(0.4) ? "10/10" : "12/12";
    const double education = rng_.real();
    member.professional_qualification = education < 0.02   ? "intermediate"
                                        : education < 0.05 ? "college"
                                        : education < 0.60 ? "bachelor"
                                        : education < 0.91 ? "master"
                                                           : "doctorate";
    const double theory = rng_.real() + (age > 45 ? 0.25 : 0);
    member.political_theory = theory < 0.10   ? "none"
                              : theory < 0.45 ? "elementary"
                              : theory < 0.85 ? "intermediate"
                                              : "advanced";
    member.position = data_.positions.pick(rng_);
    member.work_unit = work_unit;
    member.created_at = member.updated_at = options_.now_utc;
    domain::derive_member_facts(member, rules_, {});  // shape_member adds the gaps, if any
    return member;
  }

  const DemoData& data_;
  const domain::Catalog& catalog_;
  const domain::RuleSet& rules_;
  const domain::WorkingCalendar& calendar_;
  storage::BulkWriter& writer_;
  const DemoOptions& options_;
  Rng rng_;
  Weighted<domain::CatalogEntry> provinces_;
  std::unordered_map<int, long long> bucket_counters_;
  LifecycleDemo lifecycle_;
  TermsDemo terms_;
  DocumentsDemo documents_;
  DirectivesDemo directives_;
  DuesDemo dues_;
  PlansDemo plans_;
  ReviewDemo review_;
  MeetingsDemo meetings_;
  InspectionDemo inspection_;
  DisciplineDemo discipline_;
  bool in_bloc_ = true;
  long long next_org_id_ = 1;
  long long next_member_id_ = 1;
  DemoReport report_;
};

}  // namespace

Result<DemoReport> generate_demo(storage::SqlStore& store, const DemoRules& rules,
                                 const DemoOptions& options) {
  if (options.members < 1 || options.members > kMaxDemoMembers) {
    return Error::invalid_field("members", "out_of_range",
                                {{"min", "1"}, {"max", std::to_string(kMaxDemoMembers)}});
  }
  Result<DemoData> data = load_demo_data();
  if (!data) return std::move(data).error();
  DemoReport report;
  Status status = store.bulk_load_session([&](soci::session& session) -> Status {
    if (!storage::database_is_empty(session)) return Error::conflict("database_not_empty");
    storage::BulkWriter writer(session, store.engine());
    Generator generator(*data, rules, writer, options);
    report = generator.run();
    return Ok();
  });
  if (!status) return std::move(status).error();
  return report;
}

}  // namespace chibo::demo
