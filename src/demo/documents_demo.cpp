#include "demo/documents_demo.h"

#include <algorithm>

#include "domain/documents/numbering.h"
#include "storage/sql/documents/document_repository.h"
#include "storage/sql/engine/row_values.h"
#include "text/fold.h"

namespace chibo::demo {

namespace {

using domain::Organization;

constexpr const char* kDocumentsActor = "demo";

struct TypeMix {
  const char* type;
  double weight;
};

// What each level issues in a year (a cell's monthly resolution, a committee's many decisions
// and letters), by document type.
const std::vector<TypeMix>& mix_of(const std::string& kind) {
  static const std::vector<TypeMix> committee = {
      {"nghi_quyet", 3}, {"chi_thi", 1},   {"ke_hoach", 6},  {"quyet_dinh", 8},
      {"bao_cao", 5},    {"cong_van", 8},  {"thong_bao", 4}, {"huong_dan", 2},
      {"to_trinh", 1},   {"chuong_trinh", 1}, {"ket_luan", 1}};
  static const std::vector<TypeMix> base = {{"nghi_quyet", 4}, {"ke_hoach", 5}, {"quyet_dinh", 6},
                                            {"bao_cao", 4},    {"cong_van", 4}, {"thong_bao", 2},
                                            {"to_trinh", 1}};
  static const std::vector<TypeMix> cell = {{"nghi_quyet", 12}, {"ke_hoach", 2}, {"bao_cao", 3},
                                            {"cong_van", 1}};
  if (kind == "cell" || kind == "sub_committee") return cell;
  if (kind == "base_committee" || kind == "base_cell") return base;
  return committee;
}

const std::vector<std::string>& summaries_of(const std::string& type) {
  static const std::map<std::string, std::vector<std::string>> summaries = {
      {"nghi_quyet",
       {"về lãnh đạo thực hiện nhiệm vụ chính trị tháng {m} năm {y}",
        "về phương hướng, nhiệm vụ công tác xây dựng Đảng năm {y}",
        "về nâng cao chất lượng sinh hoạt chi bộ", "về công tác phát triển đảng viên năm {y}"}},
      {"chi_thi",
       {"về lãnh đạo tổ chức đại hội đảng bộ các cấp",
        "về tăng cường công tác phát triển đảng viên trong tình hình mới"}},
      {"ke_hoach",
       {"kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm {y}",
        "học tập, quán triệt và triển khai thực hiện nghị quyết của Đảng",
        "kiểm tra, giám sát năm {y}", "phát triển đảng viên năm {y}",
        "tổ chức các hoạt động kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam"}},
      {"quyet_dinh",
       {"về việc kết nạp đảng viên", "về việc công nhận đảng viên chính thức",
        "về việc thành lập Tổ công tác", "về việc chuẩn y kết quả bầu cử",
        "về việc tặng Huy hiệu Đảng đợt {d}"}},
      {"bao_cao",
       {"kết quả thực hiện nhiệm vụ 6 tháng đầu năm {y}",
        "tổng kết công tác xây dựng Đảng năm {y}", "sơ kết công tác quý {q} năm {y}"}},
      {"cong_van",
       {"về việc báo cáo số lượng đảng viên", "về việc cử cán bộ tham dự hội nghị",
        "về việc góp ý dự thảo văn kiện", "về việc rà soát hồ sơ đảng viên"}},
      {"thong_bao",
       {"kết luận của Ban Thường vụ tại cuộc họp ngày {d}", "về lịch sinh hoạt chi bộ tháng {m}"}},
      {"huong_dan",
       {"thực hiện quy trình kết nạp đảng viên", "kiểm điểm, đánh giá, xếp loại cuối năm {y}"}},
      {"to_trinh", {"về việc đề nghị kết nạp đảng viên", "về việc đề nghị tặng Huy hiệu Đảng"}},
      {"chuong_trinh",
       {"công tác kiểm tra, giám sát năm {y}", "hành động thực hiện nghị quyết đại hội"}},
      {"ket_luan", {"về kết quả kiểm tra việc thực hiện nghị quyết"}},
  };
  static const std::vector<std::string> none = {"về công tác đảng"};
  auto it = summaries.find(type);
  return it == summaries.end() ? none : it->second;
}

std::string fill(std::string text, Date on) {
  auto replace = [&](const std::string& slot, const std::string& value) {
    for (size_t at = text.find(slot); at != std::string::npos; at = text.find(slot))
      text.replace(at, slot.size(), value);
  };
  replace("{y}", std::to_string(on.year()));
  replace("{m}", std::to_string(on.month()));
  replace("{q}", std::to_string((on.month() - 1) / 3 + 1));
  replace("{d}", on.iso().substr(8, 2) + "/" + on.iso().substr(5, 2) + "/" + std::to_string(on.year()));
  return text;
}

// When the 2025 round of congresses closed at each level (cells first, the centre last).
std::pair<Date, Date> congress_window(const std::string& kind) {
  if (kind == "cell" || kind == "sub_committee")
    return {*Date::from_ymd(2025, 3, 1), *Date::from_ymd(2025, 3, 31)};
  if (kind == "base_committee" || kind == "base_cell")
    return {*Date::from_ymd(2025, 4, 15), *Date::from_ymd(2025, 6, 15)};
  if (kind == "committee_above_base")
    return {*Date::from_ymd(2025, 6, 20), *Date::from_ymd(2025, 7, 31)};
  if (kind == "committee_central")
    return {*Date::from_ymd(2025, 9, 15), *Date::from_ymd(2025, 10, 20)};
  return {*Date::from_ymd(2026, 1, 23), *Date::from_ymd(2026, 1, 23)};
}

std::string signing_body(const std::string& kind) {
  if (kind == "cell" || kind == "base_cell") return "Chi bộ";
  if (kind == "base_committee" || kind == "sub_committee") return "Đảng ủy";
  return "Ban Thường vụ";
}

}  // namespace

DocumentsDemo::DocumentsDemo(const domain::Catalog& catalog, const domain::RuleSet& rules,
                             const DemoData& data, uint64_t seed, Date today, std::string now)
    : catalog_(catalog),
      rules_(rules),
      data_(data),
      rng_(seed ^ 0x646f63756d656e74ULL),  // its own stream: the tree and members stay as they were
      today_(today),
      now_(std::move(now)) {}

int DocumentsDemo::yearly_documents(const std::string& kind) const {
  if (kind == "party_central") return 40;
  if (kind == "committee_central") return 60;
  if (kind == "committee_above_base") return 40;
  if (kind == "base_committee") return 18;
  if (kind == "base_cell") return 16;
  if (kind == "sub_committee") return 10;
  if (kind == "cell") return 14;
  return 0;
}

void DocumentsDemo::org_added(const Organization& org, bool in_bloc) {
  Node node;
  node.org = org;
  const bool cell = org.kind == "cell";
  const bool base = org.kind == "base_committee" || org.kind == "base_cell" ||
                    org.kind == "sub_committee";
  // Every committee above the base, and a sample below it that keeps the demo fast: denser in
  // the central bloc than in the provinces of a national-scale demo.
  if (cell) {
    node.sampled = (cells_seen_++ % (in_bloc ? 8 : 400)) == 0;
  } else if (base) {
    node.sampled = rng_.chance(in_bloc ? 0.5 : 0.02);
  } else {
    node.sampled = org.kind != "party_group";
  }
  index_[org.id.value] = nodes_.size();
  if (org.parent_id.valid()) {
    auto parent = index_.find(org.parent_id.value);
    if (parent != index_.end()) nodes_[parent->second].children.push_back(nodes_.size());
  }
  nodes_.push_back(std::move(node));
}

void DocumentsDemo::write(soci::session& session) {
  // Running terms already stored (another part of the demo may have made them).
  std::map<int64_t, domain::Term> running;
  {
    storage::Bindings none;
    storage::RowReader row(2, 2);
    storage::select_rows(session,
                         "SELECT name, congress_closed_on, id, org_id FROM terms WHERE "
                         "next_congress_closed_on IS NULL",
                         none, row, [&] {
                           domain::Term term;
                           term.name = row.text(0);
                           term.congress_closed_on = row.date(1).value_or(Date());
                           term.id = row.number(0);
                           term.org_id = row.number(1);
                           running[term.org_id] = term;
                         });
  }
  storage::SqlDocumentRepository documents(session, storage::Engine::kSqlite, "");
  const domain::DocumentCatalog& doc_catalog = catalog_.documents;
  const Date year_ago = today_.add_days(-365);

  auto term_of = [&](const Organization& org) -> const domain::Term* {
    auto found = running.find(org.id.value);
    if (found != running.end()) return &found->second;
    const auto [from, to] = congress_window(org.kind);
    const Date closed = from.add_days(static_cast<int32_t>(rng_.below(
        static_cast<uint64_t>(to.serial() - from.serial() + 1))));
    if (today_ < closed.add_days(1)) return nullptr;
    const bool short_term = org.kind == "cell" || org.kind == "sub_committee";
    domain::Term term;
    term.org_id = org.id.value;
    term.name = "Nhiệm kỳ " + std::to_string(closed.year()) + "-" +
                std::to_string(closed.year() + (short_term ? 2 : 5));
    term.congress_opened_on = closed.add_days(-2);
    term.congress_closed_on = closed;
    storage::RowValues values;
    values.number("org_id", org.id.value)
        .text("name", term.name)
        .date("congress_opened_on", term.congress_opened_on)
        .date("congress_closed_on", term.congress_closed_on)
        .number("version", 1)
        .text("created_at", now_)
        .text("updated_at", now_);
    term.id = storage::insert_returning_id(session, "terms", values);
    ++report_.terms_added;
    return &(running[org.id.value] = term);
  };

  auto signer = [&] {
    const bool female = rng_.chance(0.4);
    return data_.family_names.pick(rng_) + " " +
           (female ? data_.female_given.pick(rng_) : data_.male_given.pick(rng_));
  };

  for (size_t index = 0; index < nodes_.size(); ++index) {
    const Node& node = nodes_[index];
    if (!node.sampled) continue;
    const Organization& org = node.org;
    const std::optional<std::string> abbreviation =
        domain::issuer_abbreviation(doc_catalog, org.kind, domain::issuing_body::kCommittee);
    if (!abbreviation) continue;
    const domain::Term* term = term_of(org);
    if (!term) continue;
    const Date first = std::max(year_ago, term->starts_on());
    if (today_ < first) continue;
    const auto span = static_cast<uint64_t>(today_.serial() - first.serial() + 1);
    const int count = std::max(1, static_cast<int>(yearly_documents(org.kind) *
                                                   static_cast<double>(span) / 365.0));
    std::vector<Date> dates;
    for (int i = 0; i < count; ++i)
      dates.push_back(first.add_days(static_cast<int32_t>(rng_.below(span))));
    std::sort(dates.begin(), dates.end());
    const std::vector<TypeMix>& mix = mix_of(org.kind);
    double total_weight = 0;
    for (const TypeMix& m : mix) total_weight += m.weight;
    const domain::Issuer issuer{org.id.value, std::string(domain::issuing_body::kCommittee),
                                *abbreviation};
    const Organization* parent = nullptr;
    if (org.parent_id.valid()) {
      auto found = index_.find(org.parent_id.value);
      if (found != index_.end()) parent = &nodes_[found->second].org;
    }
    std::map<std::string, int64_t> last_in_series;
    const std::string chair = signer();
    for (const Date on : dates) {
      double target = rng_.real() * total_weight;
      const char* type_code = mix.back().type;
      for (const TypeMix& m : mix) {
        if (target < m.weight) {
          type_code = m.type;
          break;
        }
        target -= m.weight;
      }
      const domain::DocumentType* type = doc_catalog.type(type_code);
      if (!type) continue;
      std::optional<domain::NumberingSeries> series = domain::numbering_series(issuer, *type, *term);
      if (!series) continue;
      int64_t& last = last_in_series[series->series];
      Result<domain::AssignedNumber> assigned =
          domain::assign_number(issuer, *type, *term, on, {last}, rules_);
      if (!assigned) continue;
      last = assigned->symbol.number;
      app::RegisteredDocument d;
      d.direction = app::document_direction::kOutgoing;
      d.org = org.id;
      d.org_path = org.path;
      d.issuing_body = std::string(domain::issuing_body::kCommittee);
      d.type = type->code;
      d.series = assigned->series.series;
      d.term_id = term->id;
      d.number = assigned->symbol.number;
      d.symbol = assigned->text;
      d.issued_on = on;
      d.issuer_name = org.name;
      d.superior_issuer = parent ? parent->name : "";
      d.place = "Hà Nội";
      const std::vector<std::string>& summaries = summaries_of(type->code);
      d.summary = fill(summaries[rng_.below(summaries.size())], on);
      d.body = {"Căn cứ Điều lệ Đảng và Quy chế làm việc của " + org.name + ".",
                "Nội dung chi tiết do văn phòng hoàn thiện trên bản DOCX trước khi trình ký."};
      const bool deputy = rng_.chance(0.3);
      d.signer_name = deputy ? signer() : chair;
      d.signer_position = deputy ? "Phó Bí thư" : "Bí thư";
      d.authority = deputy && org.kind != "cell" ? "kt" : "tm";
      d.signing_for = d.authority == "kt" ? "Bí thư" : signing_body(org.kind);
      if (rng_.chance(0.04)) d.secrecy = "mat";
      if (rng_.chance(0.08)) d.urgency = "khan";
      // Down to (up to three of) the organizations below, or up to the superior.
      std::vector<size_t> to;
      if (!node.children.empty() && type->code != "bao_cao" && type->code != "to_trinh") {
        std::vector<size_t> children = node.children;
        for (size_t pick = 0; pick < std::min<size_t>(3, children.size()); ++pick) {
          const size_t at = pick + rng_.below(children.size() - pick);
          std::swap(children[pick], children[at]);
          to.push_back(children[pick]);
        }
      }
      for (size_t child : to) d.recipients.push_back({nodes_[child].org.id, ""});
      if (parent && (to.empty() || rng_.chance(0.3))) d.recipients.push_back({parent->id, ""});
      d.recipients.push_back({OrgId(), org.kind == "cell" ? "Lưu Chi bộ" : "Lưu Văn phòng"});
      d.search_symbol = text::fold(d.symbol) + " " + std::to_string(*d.number);
      d.search_text = text::fold(type->name_vi + " " + d.summary + " " + d.issuer_name);
      d.created_at = d.updated_at = now_;
      documents.insert(d);
      ++report_.outgoing;
      // It arrives below (in the registers the demo fills), where some of it is passed further
      // down.
      for (size_t child : to) {
        const Node& target = nodes_[child];
        if (!target.sampled) continue;
        app::RegisteredDocument in;
        in.direction = app::document_direction::kIncoming;
        in.org = target.org.id;
        in.org_path = target.org.path;
        in.type = d.type;
        in.number = d.number;
        in.symbol = d.symbol;
        in.issued_on = on;
        in.received_on = std::min(today_, on.add_days(static_cast<int32_t>(rng_.below(3))));
        in.from_issuer = org.name;
        in.summary = d.summary;
        in.secrecy = d.secrecy;
        in.urgency = d.urgency;
        in.search_symbol = d.search_symbol;
        in.search_text = text::fold(type->name_vi + " " + in.summary + " " + in.from_issuer);
        in.created_at = in.updated_at = now_;
        documents.insert(in);
        ++report_.incoming;
        if (!target.children.empty() && rng_.chance(0.5)) {
          const Node& below = nodes_[target.children[rng_.below(target.children.size())]];
          documents.add_forward(in.id, {0, below.org.id, below.org.path,
                                        std::min(today_, in.received_on->add_days(1)), "",
                                        kDocumentsActor, now_});
          ++report_.forwards;
        }
      }
    }
  }
}

}  // namespace chibo::demo
