#include "http/field_labels.h"

#include <cstdio>
#include <optional>
#include <unordered_map>

#include "core/date.h"
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
      {"username", {"Tên đăng nhập", "Username"}},
      {"password", {"Mật khẩu", "Password"}},
      {"totp", {"Mã xác thực", "Authentication code"}},
      {"display_name", {"Họ và tên hiển thị", "Display name"}},
      {"grants", {"Vai trò và phạm vi", "Roles and scopes"}},
      {"role", {"Vai trò", "Role"}},
      {"scope_org_id", {"Phạm vi (tổ chức)", "Scope (organization)"}},
      {"member_id", {"Hồ sơ đảng viên", "Member record"}},
      {"current_password", {"Mật khẩu hiện tại", "Current password"}},
      {"new_password", {"Mật khẩu mới", "New password"}},
      {"others", {"Các phiên khác", "Other sessions"}},
      {"disabled", {"Khóa tài khoản", "Disabled"}},
      {"reset_totp", {"Đặt lại xác thực hai lớp", "Reset two-factor authentication"}},
      {"totp_secret", {"Khóa bí mật TOTP", "TOTP secret"}},
      {"actor_id", {"Người thực hiện", "User"}},
      {"object_type", {"Loại đối tượng", "Object type"}},
      {"object_id", {"Mã đối tượng", "Object id"}},
      {"action", {"Thao tác", "Action"}},
      {"from", {"Từ ngày", "From"}},
      {"to", {"Đến ngày", "To"}},
      {"before", {"Trước sự kiện", "Before event"}},
      {"Idempotency-Key", {"Idempotency-Key", "Idempotency-Key"}},
      {"--from", {"--from (nguồn)", "--from (source)"}},
      {"--to", {"--to (đích)", "--to (target)"}},
      {"--recipient",
       {"--recipient (khóa công khai nhận bản sao lưu)", "--recipient (the backup's public key)"}},
      {"--key", {"--key (tệp khóa bí mật sao lưu)", "--key (the backup's secret key file)"}},
      {"--grant-to", {"--grant-to (vai trò của ứng dụng)", "--grant-to (the application's role)"}},
      {"candidate", {"Hồ sơ kết nạp", "Admission file"}},
      {"step", {"Bước", "Step"}},
      {"on", {"Ngày", "Date"}},
      {"document", {"Văn bản", "Document"}},
      {"document.number", {"Số văn bản", "Document number"}},
      {"document.authority", {"Cơ quan ban hành", "Issued by"}},
      {"vote", {"Biểu quyết", "Vote"}},
      {"vote.in_favour", {"Số tán thành", "In favour"}},
      {"vote.against", {"Số không tán thành", "Against"}},
      {"vote.entitled", {"Số có quyền biểu quyết", "Entitled to vote"}},
      {"introducers", {"Người giới thiệu", "Introducers"}},
      {"known_since", {"Biết người vào Đảng từ", "Known since"}},
      {"youth_union", {"Đoàn thanh niên giới thiệu", "Youth Union introduction"}},
      {"youth_union_member", {"Đoàn viên", "Youth Union member"}},
      {"received_on", {"Ngày chi bộ nhận quyết định", "Received on"}},
      {"place", {"Địa điểm", "Place"}},
      {"note", {"Ghi chú, lý do", "Note, reason"}},
      {"reason", {"Lý do", "Reason"}},
      {"valid_from", {"Áp dụng từ tháng", "Valid from (month)"}},
      {"category", {"Diện đóng đảng phí", "Dues category"}},
      {"income", {"Mức tiền làm căn cứ đóng", "Income the rate applies to"}},
      {"fixed_amount", {"Mức đóng cố định", "Fixed amount"}},
      {"percent", {"Tỷ lệ giảm", "Reduction percent"}},
      {"from_month", {"Từ tháng", "From (month)"}},
      {"to_month", {"Đến tháng", "To (month)"}},
      {"relief", {"Miễn hay giảm đảng phí", "Exemption or reduction"}},
      {"months", {"Số tháng", "Months"}},
      {"paid_on", {"Ngày nộp", "Paid on"}},
      {"first_month", {"Nộp cho tháng", "First month paid for"}},
      {"amount", {"Số tiền", "Amount"}},
      {"extra", {"Đóng thêm tự nguyện", "Voluntary extra"}},
      {"channel", {"Hình thức nộp", "Payment channel"}},
      {"reference", {"Mã giao dịch", "Transaction reference"}},
      {"month", {"Tháng", "Month"}},
      {"readmission_of", {"Kết nạp lại (đảng viên cũ)", "Readmission of"}},
      {"record_cleared_on", {"Ngày được xóa án tích", "Criminal record cleared on"}},
      {"over_age_approval", {"Văn bản đồng ý kết nạp trên 60 tuổi", "Approval over the age limit"}},
      {"phase", {"Giai đoạn", "Phase"}},
      {"within", {"Trong số ngày tới", "Within days"}},
      {"direction", {"Hướng", "Direction"}},
      {"purpose", {"Mục đích", "Purpose"}},
      {"to_org_id", {"Nơi chuyển đến", "Destination"}},
      {"external_org", {"Tổ chức đảng ngoài đảng bộ", "Organization outside"}},
      {"letter_date", {"Ngày giấy giới thiệu", "Letter date"}},
      {"letter", {"Giấy giới thiệu", "Introduction letter"}},
      {"letter.number", {"Số giấy giới thiệu", "Letter number"}},
      {"letter.authority", {"Nơi cấp giấy giới thiệu", "Letter issued by"}},
      {"until", {"Đến ngày", "Until"}},
      {"guest_name", {"Họ tên đảng viên sinh hoạt tạm thời", "Guest's name"}},
      {"guest_citizen_id", {"Số CCCD đảng viên sinh hoạt tạm thời", "Guest's citizen ID"}},
      {"state", {"Tình trạng", "State"}},
      {"ground", {"Lý do", "Ground"}},
      {"occasion", {"Đợt trao tặng", "Occasion"}},
      {"decided_on", {"Ngày quyết định", "Decided on"}},
      {"awards", {"Danh sách trao tặng", "Awards"}},
      {"milestone", {"Huy hiệu (năm tuổi đảng)", "Badge (years)"}},
      {"overdue", {"Quá hạn", "Overdue"}},
      {"year", {"Năm", "Year"}},
      {"lang", {"Ngôn ngữ", "Language"}},
      {"member", {"Đảng viên", "Member"}},
      {"closed_on", {"Ngày bế mạc đại hội", "Congress closed on"}},
      {"opened_on", {"Ngày khai mạc đại hội", "Congress opened on"}},
      {"delegates", {"Số đại biểu dự đại hội", "Congress delegates"}},
      {"approved_committee_size", {"Số cấp ủy viên được phê duyệt", "Approved committee size"}},
      {"approved_standing_size",
       {"Số ủy viên ban thường vụ được phê duyệt", "Approved standing committee size"}},
      {"position", {"Chức danh", "Position"}},
      {"started_on", {"Ngày bắt đầu", "Started on"}},
      {"decision", {"Quyết định", "Decision"}},
      {"decision.number", {"Số quyết định", "Decision number"}},
      {"decision.authority", {"Cơ quan quyết định", "Decided by"}},
      {"decision_date", {"Ngày quyết định", "Decision date"}},
      // The document register.
      {"issuing_body", {"Cơ quan ban hành", "Issuing body"}},
      {"type", {"Thể loại văn bản", "Document type"}},
      {"text", {"Nơi nhận (dòng tự do)", "Recipient line"}},
      {"issued_on", {"Ngày ban hành", "Date of issue"}},
      {"received_on", {"Ngày nhận", "Received on"}},
      {"place", {"Địa danh", "Place"}},
      {"summary", {"Trích yếu", "Summary"}},
      {"body", {"Nội dung", "Body"}},
      {"issuer_name", {"Tên cơ quan ban hành", "Issuer"}},
      {"superior_issuer", {"Cơ quan cấp trên", "Superior issuer"}},
      {"signer_member_id", {"Người ký", "Signer"}},
      {"signer_name", {"Họ tên người ký", "Signer's name"}},
      {"signer_position", {"Chức vụ người ký", "Signer's position"}},
      {"authority", {"Thẩm quyền ký", "Signing authority"}},
      {"signing_for", {"Ký thay mặt", "Signing for"}},
      {"recipients", {"Nơi nhận", "Recipients"}},
      {"secrecy", {"Độ mật", "Secrecy"}},
      {"urgency", {"Độ khẩn", "Urgency"}},
      {"circulation", {"Phạm vi lưu hành", "Circulation"}},
      {"from_issuer", {"Nơi ban hành", "Issued by"}},
      {"symbol", {"Số và ký hiệu", "Number and symbol"}},
      {"forward_to", {"Chuyển xuống", "Passed down to"}},
      {"org_ids", {"Tổ chức nhận", "Organizations"}},
      {"file", {"Tệp", "File"}},
      {"term", {"Nhiệm kỳ", "Term"}},
      {"direction", {"Văn bản đi/đến", "Direction"}},
      {"overrides", {"Ký hiệu riêng", "Own abbreviations"}},
      // The directives cascade (issue 13).
      {"title", {"Trích yếu, tên", "Title"}},
      {"description", {"Nội dung", "Description"}},
      {"tasks", {"Nhiệm vụ", "Tasks"}},
      {"due_on", {"Hạn hoàn thành", "Due date"}},
      {"due_working_days", {"Hạn (số ngày làm việc)", "Due in working days"}},
      {"number_symbol", {"Số và ký hiệu", "Number and symbol"}},
      {"document_id", {"Văn bản trong sổ", "Register document"}},
      {"task_ids", {"Nhiệm vụ giao", "Tasks to assign"}},
      {"target", {"Nơi nhận nhiệm vụ", "Assigned to"}},
      {"target.kind", {"Loại tổ chức nhận", "Kind of receiving organization"}},
      {"target.mode", {"Cách chọn nơi nhận", "Target mode"}},
      {"target.member_id", {"Đảng viên nhận nhiệm vụ", "Member assigned"}},
      {"plan_document_id",
       {"Kế hoạch thực hiện (văn bản trong sổ)", "Implementation plan (register)"}},
      {"plan_number", {"Số, ký hiệu kế hoạch thực hiện", "Implementation plan number"}},
      {"figures", {"Số liệu", "Figures"}},
      {"label", {"Chỉ tiêu", "Indicator"}},
      {"value", {"Giá trị", "Value"}},
      {"unit", {"Đơn vị tính", "Unit"}},
      {"attachment_note", {"Tài liệu kèm theo", "Attachments"}},
      {"comment", {"Ý kiến", "Comment"}},
      {"held_on", {"Ngày học tập, quán triệt", "Studied on"}},
      {"attendees", {"Số đảng viên dự", "Members attending"}},
      {"task", {"Nhiệm vụ", "Task"}},
      // The inbox (issue 13).
      {"order", {"Thứ tự", "Order"}},
      {"unread", {"Chỉ chưa đọc", "Unread only"}},
      // Personal action plans (issue 13).
      {"items", {"Các nội dung", "Items"}},
      {"measure", {"Chỉ tiêu, cách đo", "Measure or target"}},
      {"content", {"Nội dung", "Content"}},
      {"stage", {"Kỳ đánh giá", "Review stage"}},
      {"assessment", {"Kết quả", "Assessment"}},
      {"item_id", {"Nội dung được đánh giá", "Item assessed"}},
      // Directives, part two (issue 13): labels of a subject's field (FieldError param
      // "subject"), where the bare name means something else ("kind" of an organization).
      {"directive.kind", {"Loại văn bản chỉ đạo", "Kind of directive"}},
      {"status", {"Trạng thái", "Status"}},
      // Cell meetings (issue 14).
      {"starts_at", {"Giờ bắt đầu", "Start time"}},
      {"topic", {"Chuyên đề", "Topic"}},
      {"agenda", {"Chương trình sinh hoạt", "Agenda"}},
      {"document_ids", {"Văn bản cấp trên", "Documents from above"}},
      {"directive_ids", {"Chỉ thị, nghị quyết", "Directives"}},
      {"chair_id", {"Chủ trì", "Chair"}},
      {"secretary_id", {"Thư ký", "Secretary"}},
      {"attendance", {"Điểm danh", "Attendance"}},
      {"votes", {"Biểu quyết", "Votes"}},
      {"subject", {"Nội dung biểu quyết", "Subject"}},
      {"in_favour", {"Số tán thành", "In favour"}},
      {"against", {"Số không tán thành", "Against"}},
      {"abstain", {"Không biểu quyết", "Abstain"}},
      {"resolution", {"Nghị quyết", "Resolution"}},
      {"minutes", {"Biên bản", "Minutes"}},
      {"section", {"Phần đính chính", "Section"}},

      // The annual review (issue 15).
      {"review_date", {"Ngày kiểm điểm", "Review date"}},
      {"org_id", {"Tổ chức", "Organization"}},
      {"score", {"Điểm", "Score"}},
      {"grade", {"Mức xếp loại", "Grade"}},
      {"decisions", {"Quyết định xếp loại", "Decisions"}},
      {"tasks_on_time_pct", {"Tỷ lệ nhiệm vụ đúng tiến độ (%)", "Tasks on time (%)"}},
      {"tasks_exceeded_pct", {"Tỷ lệ nhiệm vụ vượt mức (%)", "Tasks exceeded (%)"}},
      {"tasks_late_pct", {"Tỷ lệ nhiệm vụ chậm tiến độ (%)", "Tasks late (%)"}},
      {"subordinate_disciplined", {"Tổ chức cấp dưới bị kỷ luật", "Subordinate disciplined"}},
      {"disciplined_in_year", {"Bị kỷ luật trong năm", "Disciplined in the year"}},
      {"campaign_id", {"Đợt kiểm điểm", "Review campaign"}},
      {"owner", {"Người chịu trách nhiệm", "Owner"}},
      {"evidence", {"Kết quả, minh chứng khắc phục", "Evidence"}},
      // Scheduled periodic reports of directives (issue 13).
      {"report_schedule", {"Lịch báo cáo định kỳ", "Report schedule"}},
      {"report_schedule.cadence", {"Chu kỳ báo cáo", "Report cadence"}},
      {"report_schedule.final_due_on", {"Hạn báo cáo tổng kết", "Final report due"}},
      {"period", {"Kỳ báo cáo", "Report period"}},

      // Inspection and supervision (issue 15): fields named with {"subject", "inspection"}.
      {"issuer", {"Cấp ban hành", "Issuer"}},
      {"inspection.kind", {"Loại kiểm tra, giám sát", "Kind of inspection"}},
      {"subject_org_id", {"Tổ chức được kiểm tra, giám sát", "Organization inspected"}},
      {"subject_member_id", {"Đảng viên được kiểm tra, giám sát", "Member inspected"}},
      {"inspection.content", {"Nội dung kiểm tra, giám sát", "Content"}},
      {"starts_on", {"Từ ngày", "From"}},
      {"ends_on", {"Đến ngày", "To"}},
      {"team", {"Đoàn kiểm tra, giám sát", "Team"}},
      {"inspection.stage", {"Bước", "Stage"}},
      {"inspection.on", {"Ngày của bước", "Date of the stage"}},
      {"document_text", {"Số, ký hiệu văn bản", "Document number"}},
      {"inspection.text", {"Nội dung kết luận", "Conclusion"}},
      {"inspection.items", {"Vi phạm, kiến nghị", "Violations and recommendations"}},
      {"inspection.action", {"Việc phải làm", "Action"}},
      {"inspection.closed_on", {"Ngày khắc phục xong", "Closed on"}},
      {"add_inspections", {"Cuộc kiểm tra, giám sát thêm", "Added inspections"}},
      {"inspections", {"Các cuộc kiểm tra, giám sát", "Inspections"}},
      // Discipline (issue 15).
      {"breach_summary", {"Nội dung vi phạm", "Breach"}},
      {"breach_date", {"Ngày vi phạm", "Breach date"}},
      {"new_breach_date", {"Ngày vi phạm mới", "New breach date"}},
      {"deferrals", {"Thời gian chưa xem xét kỷ luật", "Deferrals"}},
      {"sanction", {"Hình thức kỷ luật", "Sanction"}},
      {"competent_level", {"Cấp có thẩm quyền", "Competent level"}},
      {"state_decided_on", {"Ngày cơ quan nhà nước kỷ luật", "State body's decision"}},
      {"state_notified_on", {"Ngày tổ chức đảng được thông báo", "Notified on"}},
      {"voted_on", {"Ngày biểu quyết", "Voted on"}},
      {"entitled", {"Số có quyền biểu quyết", "Entitled to vote"}},
      {"decision_document_id", {"Quyết định kỷ luật (sổ văn bản)", "Decision (register)"}},
      {"decision_number", {"Số quyết định kỷ luật", "Decision number"}},
      {"outcome", {"Kết quả giải quyết khiếu nại", "Appeal outcome"}},
      // Suspension of activities (discipline).
      {"basis", {"Căn cứ đình chỉ", "Basis"}},
      {"lifted_on", {"Ngày chấm dứt đình chỉ", "Lifted on"}},
      {"as_of", {"Số liệu đến ngày", "Figures as of"}},
      // Appeals up the levels (discipline).
      {"body", {"Cơ quan nhận khiếu nại", "Appealed to"}},
      {"outcome_received_on", {"Ngày nhận kết quả giải quyết khiếu nại", "Outcome received on"}},
      // Closing a case without a sanction (discipline).
      {"discipline_closure.closed_on", {"Ngày khép hồ sơ", "Closed on"}},
      {"discipline_closure.ground", {"Căn cứ khép hồ sơ", "Ground for closing"}},
      {"discipline_closure.note", {"Kết luận, lý do không kỷ luật", "Conclusion"}},
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
  if (code == "object") return vi ? "một đối tượng JSON" : "a JSON object";
  if (code == "array") return vi ? "một danh sách" : "a list";
  if (code == "grant_list")
    return vi ? "một danh sách {role, scope_org_id}" : "a list of {role, scope_org_id}";
  if (code == "grant")
    return vi ? "một đối tượng {role, scope_org_id}" : "a {role, scope_org_id} object";
  return code;
}

}  // namespace

std::string field_label(const std::string& field, i18n::Lang lang) {
  // An item of a list ("grants[1].role"): the label of its last part, with its position.
  if (const size_t bracket = field.find('['); bracket != std::string::npos) {
    const size_t close = field.find(']', bracket);
    const size_t dot = field.find('.', bracket);
    if (close != std::string::npos && dot != std::string::npos && dot > close) {
      std::string position = field.substr(bracket + 1, close - bracket - 1);
      try {
        position = std::to_string(std::stoi(position) + 1);
      } catch (const std::exception&) {
      }
      return field_label(field.substr(dot + 1), lang) + " (" +
             (lang == i18n::Lang::kVi ? "dòng " : "line ") + position + ")";
    }
  }
  if (const domain::MemberField* member_field = domain::find_member_field(field)) {
    return lang == i18n::Lang::kVi ? member_field->label_vi : member_field->label_en;
  }
  const auto& labels = other_labels();
  if (auto found = labels.find(field); found != labels.end()) {
    return lang == i18n::Lang::kVi ? found->second.vi : found->second.en;
  }
  // A field of a nested object ("member.citizen_id" of an arriving member): its own label.
  if (const size_t dot = field.find('.'); dot != std::string::npos)
    return field_label(field.substr(dot + 1), lang);
  return field;
}

namespace {

// The label of the error's field: of its subject's field ("directive.kind") when the error
// names a subject and that has a label, else of the field.
std::string error_field_label(const FieldError& error, i18n::Lang lang) {
  for (const auto& [name, value] : error.params) {
    if (name != "subject") continue;
    const auto& labels = other_labels();
    if (auto found = labels.find(value + "." + error.field); found != labels.end())
      return lang == i18n::Lang::kVi ? found->second.vi : found->second.en;
    // An item of a list ("items[0].kind"): the subject's label of its last part, with its line.
    if (const size_t close = error.field.find("]."); close != std::string::npos) {
      if (auto found = labels.find(value + "." + error.field.substr(close + 2));
          found != labels.end()) {
        const std::string base = field_label(error.field, lang);
        const size_t line = base.rfind(" (");
        return (lang == i18n::Lang::kVi ? found->second.vi : found->second.en) +
               (line == std::string::npos ? std::string() : base.substr(line));
      }
    }
  }
  return field_label(error.field, lang);
}

}  // namespace

void discipline_words(Params& params, i18n::Lang lang) {
  for (auto& [name, value] : params) {
    std::string key;
    if (name == "sanction") key = "discipline.sanction." + value;
    if (name == "subject_kind") key = "discipline.subject." + value;
    if (name == "status") key = "discipline.status." + value;
    if (name == "body") key = "discipline.appeal_body." + value;
    if (name == "unlimited") key = "discipline.unlimited." + value;
    if (!key.empty() && i18n::has_message(key)) {
      value = i18n::message(key, lang);
      continue;
    }
    // Days as Vietnamese readers write them (03/05/2026); English keeps ISO.
    const bool day = name == "on" || name == "due" || name == "ends_on";
    if (day && lang == i18n::Lang::kVi) {
      if (const std::optional<Date> date = Date::parse(value)) {
        char text[16];
        std::snprintf(text, sizeof text, "%02d/%02d/%04d", date->day(), date->month(),
                      date->year());
        value = text;
      }
    }
  }
}

std::string field_message(const FieldError& error, i18n::Lang lang) {
  Params params;
  for (const auto& [name, value] : error.params)
    if (name != "subject") params.emplace_back(name, value);
  params.emplace_back("label", error_field_label(error, lang));
  params.emplace_back("field", error.field);
  for (const auto& [name, value] : error.params) {
    if (name == "expected_code") params.emplace_back("expected", expected_text(value, lang));
  }
  // Step codes ("course,application") read as the steps' names.
  for (auto& [name, value] : params) {
    if (name != "steps" && name != "step" && name != "later") continue;
    std::string names;
    size_t start = 0;
    while (start <= value.size()) {
      size_t end = value.find(',', start);
      if (end == std::string::npos) end = value.size();
      const std::string code = value.substr(start, end - start);
      const std::string key = "step." + code;
      if (!names.empty()) names += ", ";
      names += i18n::has_message(key) ? i18n::message(key, lang) : code;
      start = end + 1;
    }
    value = names;
  }
  if (error.code.rfind("discipline_", 0) == 0) discipline_words(params, lang);
  std::string text = i18n::message(error.code, lang, params);
  // Codes shared with whole-request problems (org_not_active ...) have no {label}: add it.
  const std::string label = error_field_label(error, lang);
  if (text.rfind(label, 0) != 0) text = label + ": " + text;
  return text;
}

}  // namespace chibo::http
