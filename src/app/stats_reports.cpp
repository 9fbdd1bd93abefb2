#include "app/stats_reports.h"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_set>

#include "app/access_control.h"
#include "app/stats_snapshots.h"
#include "domain/members/age_band_tally.h"
#include "domain/members/age_bands.h"
#include "domain/members/roll_tally.h"
#include "domain/members/standing_on.h"
#include "domain/members/stats_dates.h"
#include "io/xlsx/xlsx_writer.h"

namespace chibo::app {

namespace {

using domain::Permission;

constexpr size_t kDimensionCount = kStatsDimensions.size();
constexpr size_t kAgeBand = kStatsAgeBand;

// Members on the roll on one day, tallied by each dimension; age bands from birth months and,
// for the months a birthday splits, birth days (domain/members/roll_tally.h).
class RollTally {
 public:
  explicit RollTally(Date on) : on_(on), births_(on) {}

  void add(const MemberHistory& member, const domain::StandingOn& standing) {
    ++total_;
    if (standing.undated_exemption) ++undated_;
    tallies_[0].add(standing.status);
    tallies_[1].add(member.sex);
    births_.add(member.birth_date);
    tallies_[3].add(member.ethnicity);
    tallies_[4].add(member.religion);
    tallies_[5].add(member.general_education);
    tallies_[6].add(member.professional_qualification);
    tallies_[7].add(member.political_theory);
  }

  // Members of unchanged standing, official on the day, by their kept values (dimension ->
  // value -> n, birth months by month), `by_day` of them given to add_birth instead of by
  // month. False when the counts do not add up.
  bool add_official(const std::map<std::string, std::map<std::string, int64_t>>& kept,
                    int64_t by_day) {
    static const char* const kKept[kDimensionCount] = {nullptr,
                                                       "sex",
                                                       "birth_month",
                                                       "ethnicity",
                                                       "religion",
                                                       "general_education",
                                                       "professional_qualification",
                                                       "political_theory"};
    std::optional<int64_t> members;
    for (size_t index = 1; index < kDimensionCount; ++index) {
      int64_t sum = index == kAgeBand ? by_day : 0;
      if (auto found = kept.find(kKept[index]); found != kept.end()) {
        for (const auto& [value, n] : found->second) {
          if (n < 0) return false;
          if (n == 0) continue;
          sum += n;
          if (index == kAgeBand) {
            if (!births_.add_month(value, n)) return false;
          } else {
            tallies_[index].add(value, n);
          }
        }
      }
      if (members && *members != sum) return false;
      members = sum;
    }
    if (*members > 0) tallies_[0].add(domain::status::kOfficial, *members);
    total_ += *members;
    return true;
  }

  void add_birth(const std::string& birth_date) { births_.add(birth_date); }

  StatsAsOf result(OrgId org) {
    StatsAsOf stats;
    stats.org = org;
    stats.as_of = on_;
    stats.total = total_;
    stats.undated_exemptions = undated_;
    for (size_t index = 0; index < kDimensionCount; ++index) {
      Breakdown breakdown;
      breakdown.dimension = kStatsDimensions[index];
      if (index == kAgeBand) {
        const std::map<std::string, int64_t> bands = births_.age_bands();
        for (const std::string& band : domain::age_band_codes()) {
          if (auto found = bands.find(band); found != bands.end())
            breakdown.values.emplace_back(band, found->second);
        }
        if (auto found = bands.find("unknown"); found != bands.end())
          breakdown.values.emplace_back("unknown", found->second);
      } else {
        breakdown.values = tallies_[index].counts();
        std::stable_sort(breakdown.values.begin(), breakdown.values.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
      }
      stats.breakdowns.push_back(std::move(breakdown));
    }
    return stats;
  }

 private:
  Date on_;
  std::array<domain::CodeTally, kDimensionCount> tallies_;  // all but the age band
  domain::BirthTally births_;
  int64_t total_ = 0;
  int64_t undated_ = 0;
};

Result<Organization> org_in_reach(Context& ctx, OrgId id) {
  const domain::Reach reach = reach_of(ctx, Permission::kMemberRead);
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org || !reach.covers(org->path)) return Error::not_found("organization");
  return *org;
}

bool inside(const std::vector<int64_t>& orgs, int64_t org) {
  return std::binary_search(orgs.begin(), orgs.end(), org);
}

// A large subtree, whose breakdowns are kept up to date: today's official members stand the
// same on `as_of` unless a dated fact after it (or a missing one) says otherwise, so the figures
// are today's kept counts less the members such facts touch, plus those members as they stood.
// Reads the few thousand members touched instead of the whole subtree. Nothing when the
// subtree's breakdowns are not kept, or when they disagree with the members (then the caller
// counts every member).
std::optional<StatsAsOf> stats_from_kept(Context& ctx, const Organization& org, Date as_of) {
  RollTally tally(as_of);
  std::vector<int64_t> orgs;
  KeptRoll kept;
  std::unordered_set<int64_t> touched;
  std::map<std::string, std::map<std::string, int64_t>> counted_today;
  auto value = [](const std::string& text) { return text.empty() ? std::string("unknown") : text; };
  const bool found = ctx.tx.members().scan_changed_since_kept(
      org.path, as_of, domain::months_split_by_day(as_of), orgs, kept,
      [&](const MemberHistory& member) {
        touched.insert(member.id.value);
        // Counted in today's kept official figures: taken out of them.
        if (member.facts.status == domain::status::kOfficial && inside(orgs, member.facts.org)) {
          --counted_today["sex"][value(member.sex)];
          --counted_today["birth_month"][domain::birth_month_of(member.birth_date)];
          --counted_today["ethnicity"][value(member.ethnicity)];
          --counted_today["religion"][value(member.religion)];
          --counted_today["general_education"][value(member.general_education)];
          --counted_today["professional_qualification"][value(member.professional_qualification)];
          --counted_today["political_theory"][value(member.political_theory)];
        }
        const std::optional<domain::StandingOn> standing = domain::standing_on(member.facts, as_of);
        if (standing && inside(orgs, standing->org)) tally.add(member, *standing);
      });
  if (!found) return std::nullopt;
  // The untouched official members born in a month the day splits: by day, not by month.
  int64_t by_day = 0;
  for (const auto& [member, birth_date] : kept.born) {
    if (touched.count(member.value)) continue;
    --counted_today["birth_month"][domain::birth_month_of(birth_date)];
    tally.add_birth(birth_date);
    ++by_day;
  }
  for (const auto& [dimension, values] : counted_today)
    for (const auto& [code, n] : values) kept.official[dimension][code] += n;
  if (!tally.add_official(kept.official, by_day)) return std::nullopt;
  return tally.result(org.id);
}

}  // namespace

Result<StatsAsOf> org_stats_as_of(Context& ctx, OrgId id, Date as_of) {
  Result<Organization> org = org_in_reach(ctx, id);
  if (!org) return std::move(org).error();
  std::vector<FieldError> errors =
      domain::check_as_of("as_of", as_of, ctx.today(), ctx.services.rules);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (std::optional<StatsAsOf> kept = stats_from_snapshot(ctx, *org, as_of)) return *kept;
  if (std::optional<StatsAsOf> quick = stats_from_kept(ctx, *org, as_of)) return *quick;
  RollTally tally(as_of);
  std::vector<int64_t> orgs;
  ctx.tx.members().scan_history(org->path, as_of, as_of, orgs, [&](const MemberHistory& member) {
    const std::optional<domain::StandingOn> standing = domain::standing_on(member.facts, as_of);
    if (standing && inside(orgs, standing->org)) tally.add(member, *standing);
  });
  return tally.result(id);
}

Result<PeriodReport> member_period_report(Context& ctx, OrgId id, Date from, Date to) {
  Result<Organization> org = org_in_reach(ctx, id);
  if (!org) return std::move(org).error();
  std::vector<FieldError> errors =
      domain::check_report_period(from, to, ctx.today(), ctx.services.rules);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  PeriodReport report;
  report.org = *org;
  report.from = from;
  report.to = to;
  const Date before = from.add_days(-1);
  RollTally end(to);
  std::map<std::string, int64_t> exits;
  std::vector<int64_t> orgs;
  auto in_subtree_on = [&](const domain::MemberFacts& facts, Date on) {
    const std::optional<domain::StandingOn> standing = domain::standing_on(facts, on);
    return standing && inside(orgs, standing->org);
  };
  ctx.tx.members().scan_history(org->path, before, to, orgs, [&](const MemberHistory& member) {
    const domain::MemberFacts& facts = member.facts;
    if (in_subtree_on(facts, before)) ++report.start_total;
    if (const std::optional<domain::StandingOn> standing = domain::standing_on(facts, to);
        standing && inside(orgs, standing->org)) {
      end.add(member, *standing);
    }
    if (facts.admission_date && *facts.admission_date >= from && *facts.admission_date <= to &&
        in_subtree_on(facts, *facts.admission_date)) {
      ++report.admissions;
    }
    if (facts.official_date && *facts.official_date >= from && *facts.official_date <= to &&
        in_subtree_on(facts, *facts.official_date)) {
      ++report.recognitions;
    }
    // Exits other than transfers out (counted with the transfers), from the roll of the day
    // before.
    if (facts.exit_date && *facts.exit_date >= from && *facts.exit_date <= to &&
        facts.status != domain::status::kTransferredOut &&
        in_subtree_on(facts, facts.exit_date->add_days(-1))) {
      ++exits[member.exit_ground.empty() ? facts.status : member.exit_ground];
    }
  });
  report.end = end.result(id);
  report.exits.assign(exits.begin(), exits.end());
  report.transfers = ctx.tx.members().transfer_flows(org->path, from, to);
  return report;
}

namespace {

using io::xlsx::Cell;
using io::xlsx::Style;

std::string vi_date(Date date) {
  const std::string iso = date.iso();
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// "66,7": a share in tenths of a percent, with the Vietnamese decimal comma.
std::string share_text(int64_t part, int64_t whole) {
  if (whole <= 0) return "0";
  const int64_t tenths = (part * 1000 + whole / 2) / whole;
  return std::to_string(tenths / 10) + (tenths % 10 ? "," + std::to_string(tenths % 10) : "");
}

std::string period_title(Date from, Date to) {
  const std::string year = from.iso().substr(0, 4);
  const std::string from_md = from.iso().substr(5), to_md = to.iso().substr(5);
  if (from.iso().substr(0, 4) == to.iso().substr(0, 4)) {
    if (from_md == "01-01" && to_md == "12-31") return "Năm " + year;
    if (from_md == "01-01" && to_md == "06-30") return "6 tháng đầu năm " + year;
    if (from_md == "07-01" && to_md == "12-31") return "6 tháng cuối năm " + year;
  }
  return "Từ ngày " + vi_date(from) + " đến ngày " + vi_date(to);
}

std::string age_band_name(const std::string& code) {
  if (code == "under-18") return "Dưới 18 tuổi";
  if (code == "71+") return "Từ 71 tuổi trở lên";
  if (code == "unknown") return "Chưa rõ";
  const size_t dash = code.find('-');
  if (dash == std::string::npos) return code;
  return "Từ " + code.substr(0, dash) + " đến " + code.substr(dash + 1) + " tuổi";
}

std::string value_name(const domain::Catalog& catalog, const std::string& dimension,
                       const std::string& code) {
  if (code == "unknown") return "Chưa rõ";
  const domain::CatalogEntry* entry = nullptr;
  if (dimension == "status") {
    if (const domain::MemberStatusInfo* status = catalog.member_status(code))
      return status->name_vi;
  } else if (dimension == "age_band") {
    return age_band_name(code);
  } else if (dimension == "sex") {
    entry = catalog.sexes.find(code);
  } else if (dimension == "ethnicity") {
    entry = catalog.ethnicities.find(code);
  } else if (dimension == "religion") {
    entry = catalog.religions.find(code);
  } else if (dimension == "professional_qualification") {
    entry = catalog.professional_qualifications.find(code);
  } else if (dimension == "political_theory") {
    entry = catalog.political_theory_levels.find(code);
  }
  return entry ? entry->name_vi : code;
}

const char* dimension_title(const std::string& dimension) {
  if (dimension == "status") return "Theo loại đảng viên";
  if (dimension == "sex") return "Theo giới tính";
  if (dimension == "age_band") return "Theo độ tuổi";
  if (dimension == "ethnicity") return "Theo dân tộc";
  if (dimension == "religion") return "Theo tôn giáo";
  if (dimension == "general_education") return "Theo trình độ giáo dục phổ thông";
  if (dimension == "professional_qualification") return "Theo trình độ chuyên môn";
  if (dimension == "political_theory") return "Theo trình độ lý luận chính trị";
  return "";
}

}  // namespace

Result<MemberReportFile> export_member_period_report(Context& ctx, OrgId id, Date from, Date to) {
  Result<PeriodReport> report = member_period_report(ctx, id, from, to);
  if (!report) return std::move(report).error();
  const domain::Catalog& catalog = ctx.services.catalog;
  Result<std::unique_ptr<io::xlsx::Writer>> writer = io::xlsx::Writer::create();
  if (!writer) return std::move(writer).error();
  io::xlsx::Writer& out = **writer;
  const int64_t total = report->end.total;
  out.add_sheet("Báo cáo", {6, 58, 14, 12});
  out.title("ĐẢNG CỘNG SẢN VIỆT NAM", Style::kSubtitle);
  out.title(report->org.name, Style::kSubtitle);
  out.title("BÁO CÁO THỐNG KÊ ĐẢNG VIÊN", Style::kTitle);
  out.title(period_title(from, to), Style::kSubtitle);
  out.title("Kỳ báo cáo: từ ngày " + vi_date(from) + " đến ngày " + vi_date(to) +
                "; số liệu đảng viên tính đến ngày " + vi_date(to),
            Style::kNote);
  if (report->end.undated_exemptions > 0) {
    out.title("Ghi chú: " + std::to_string(report->end.undated_exemptions) +
                  " đảng viên miễn công tác và sinh hoạt chưa ghi ngày bắt đầu, được tính là "
                  "đảng viên chính thức",
              Style::kNote);
  }
  out.blank_row();
  out.row({Cell::of("STT", Style::kHeader), Cell::of("Chỉ tiêu", Style::kHeader),
           Cell::of("Số lượng", Style::kHeader), Cell::of("Tỷ lệ (%)", Style::kHeader)});
  // I. The movement of the roll during the period.
  out.row({Cell::of("I", Style::kTotalLabel),
           Cell::of("BIẾN ĐỘNG ĐẢNG VIÊN TRONG KỲ", Style::kTotalLabel),
           Cell::empty(Style::kTotalLabel), Cell::empty(Style::kTotalLabel)});
  int line = 0;
  auto figure = [&](const std::string& label, int64_t n) {
    out.row({Cell::of(std::to_string(++line)), Cell::of(label), Cell::of(n), Cell::empty()});
  };
  figure("Đảng viên đầu kỳ (đến ngày " + vi_date(from.add_days(-1)) + ")", report->start_total);
  figure("Kết nạp đảng viên mới", report->admissions);
  figure("Công nhận đảng viên chính thức", report->recognitions);
  figure("Chuyển sinh hoạt đến (trong đảng bộ)", report->transfers.in_internal);
  figure("Chuyển sinh hoạt đến (từ đảng bộ khác)", report->transfers.in_outside);
  figure("Chuyển sinh hoạt đi (trong đảng bộ)", report->transfers.out_internal);
  figure("Chuyển sinh hoạt đi (ra ngoài đảng bộ)", report->transfers.out_outside);
  int64_t exits = 0;
  for (const auto& [ground, n] : report->exits) exits += n;
  figure("Ra khỏi danh sách đảng viên", exits);
  for (const auto& [ground, n] : report->exits) {
    const domain::ExitGround* found = catalog.exit_ground(ground);
    out.row({Cell::of(""), Cell::of("   - " + (found ? found->name_vi : ground)), Cell::of(n),
             Cell::empty()});
  }
  out.row({Cell::empty(Style::kTotalLabel),
           Cell::of("Đảng viên cuối kỳ (đến ngày " + vi_date(to) + ")", Style::kTotalLabel),
           Cell::of(total, Style::kTotalNumber), Cell::empty(Style::kTotalLabel)});
  // II. The roll at the period's end, by each dimension.
  out.row({Cell::of("II", Style::kTotalLabel),
           Cell::of("ĐẢNG VIÊN CUỐI KỲ PHÂN THEO", Style::kTotalLabel),
           Cell::empty(Style::kTotalLabel), Cell::empty(Style::kTotalLabel)});
  int block = 0;
  for (const Breakdown& breakdown : report->end.breakdowns) {
    out.row({Cell::of(std::to_string(++block), Style::kTotalLabel),
             Cell::of(dimension_title(breakdown.dimension), Style::kTotalLabel),
             Cell::of(total, Style::kTotalNumber), Cell::of("100", Style::kTotalLabel)});
    for (const auto& [code, n] : breakdown.values) {
      out.row({Cell::of(""), Cell::of("   - " + value_name(catalog, breakdown.dimension, code)),
               Cell::of(n), Cell::of(share_text(n, total))});
    }
  }
  // The signature block.
  out.blank_row();
  out.title("......, ngày ..... tháng ..... năm " + ctx.today().iso().substr(0, 4), Style::kNote);
  out.title("T/M " + report->org.name, Style::kSubtitle);
  out.title("(Ký, ghi rõ họ tên và đóng dấu)", Style::kNote);
  out.blank_row();
  out.title("Người lập biểu: ......................................", Style::kNote);
  Result<std::string> bytes = out.finish();
  if (!bytes) return std::move(bytes).error();
  MemberReportFile file;
  file.file_name =
      "bao-cao-dang-vien-" + from.iso() + "-" + to.iso() + "-" +
      (report->org.code.empty() ? std::to_string(report->org.id.value) : report->org.code) +
      ".xlsx";
  file.content = std::move(*bytes);
  ctx.audit(AuditEntry::about("stats.report_export", "organization", report->org.id.value,
                              report->org.path.str())
                .with("from", from.iso())
                .with("to", to.iso()));
  return file;
}

}  // namespace chibo::app
