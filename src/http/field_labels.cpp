#include "http/field_labels.h"

#include <unordered_map>

#include "domain/members/member_fields.h"

namespace chibo::http {

namespace {

struct Label {
  const char* vi;
  const char* en;
};

const std::unordered_map<std::string, Label>& other_labels() {
  static const std::unordered_map<std::string, Label> labels = {
      {"name", {"Tên tổ chức", "Name"}},
      {"short_name", {"Tên viết tắt", "Short name"}},
      {"code", {"Mã tổ chức", "Code"}},
      {"kind", {"Loại tổ chức", "Kind"}},
      {"parent_id", {"Tổ chức cấp trên", "Parent organization"}},
      {"established_on", {"Ngày thành lập", "Established on"}},
      {"dissolved_on", {"Ngày giải thể", "Dissolved on"}},
      {"target_id", {"Tổ chức nhận", "Target organization"}},
      {"merged_on", {"Ngày hợp nhất", "Merged on"}},
      {"version", {"Phiên bản", "Version"}},
      {"q", {"Từ khóa tìm kiếm", "Search text"}},
      {"org", {"Tổ chức", "Organization"}},
      {"age_min", {"Tuổi từ", "Minimum age"}},
      {"age_max", {"Tuổi đến", "Maximum age"}},
      {"admitted_from", {"Năm vào Đảng từ", "Admitted from year"}},
      {"admitted_to", {"Năm vào Đảng đến", "Admitted to year"}},
      {"sort", {"Sắp xếp", "Sort"}},
      {"page", {"Trang", "Page"}},
      {"page_size", {"Số dòng mỗi trang", "Page size"}},
      {"limit", {"Số dòng mỗi trang", "Page size"}},
      {"offset", {"Vị trí bắt đầu", "Offset"}},
      {"parent", {"Tổ chức cấp trên", "Parent organization"}},
      {"include_dissolved", {"Gồm tổ chức đã giải thể", "Include dissolved"}},
      {"id", {"Mã số", "Id"}},
      {"org_code", {"Mã chi bộ", "Organization code"}},
  };
  return labels;
}

std::string expected_text(const std::string& code, i18n::Lang lang) {
  const bool vi = lang == i18n::Lang::kVi;
  if (code == "string") return vi ? "một chuỗi ký tự" : "a string";
  if (code == "integer") return vi ? "một số nguyên" : "an integer";
  if (code == "boolean") return vi ? "true hoặc false" : "true or false";
  if (code == "string_list") return vi ? "một danh sách chuỗi" : "a list of strings";
  if (code == "date") return vi ? "một ngày dạng YYYY-MM-DD" : "a date as YYYY-MM-DD";
  return code;
}

}  // namespace

std::string field_label(const std::string& field, i18n::Lang lang) {
  if (const domain::MemberField* member_field = domain::find_member_field(field)) {
    return lang == i18n::Lang::kVi ? member_field->label_vi : member_field->label_en;
  }
  const auto& labels = other_labels();
  if (auto found = labels.find(field); found != labels.end()) {
    return lang == i18n::Lang::kVi ? found->second.vi : found->second.en;
  }
  return field;
}

std::string field_message(const FieldError& error, i18n::Lang lang) {
  Params params = error.params;
  params.emplace_back("label", field_label(error.field, lang));
  params.emplace_back("field", error.field);
  for (const auto& [name, value] : error.params) {
    if (name == "expected_code") params.emplace_back("expected", expected_text(value, lang));
  }
  std::string text = i18n::message(error.code, lang, params);
  // Codes shared with whole-request problems (org_not_active ...) have no {label}: add it.
  const std::string label = field_label(error.field, lang);
  if (text.rfind(label, 0) != 0) text = label + ": " + text;
  return text;
}

}  // namespace chibo::http
