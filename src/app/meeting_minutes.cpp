// The minutes (biên bản) of a cell meeting, generated from the meeting's data: the header of a
// Party document (Hướng dẫn 36-HD/VPTW), the record (time, place, chair and secretary,
// attendance with names of the absent, agenda, documents from above, the course of the meeting,
// votes against the members entitled, the resolution, the meeting's quality) and the amendments
// made after approval; signed by the secretary and the chair. A meeting not yet approved prints
// as a draft ("DỰ THẢO").
#include <cstdio>

#include "app/meetings.h"
#include "domain/documents/printed_document.h"
#include "domain/meetings/meeting_state.h"
#include "io/documents/docx_writer.h"
#include "io/documents/print_html.h"
#include "text/letters.h"

namespace chibo::app {

namespace minutes_detail {

namespace dm = domain::meetings;

std::string date_words(Date on, const domain::RuleSet& rules) {
  Result<std::string> line = domain::place_and_date_line("", on, rules);
  if (!line) return on.iso();
  std::string text = std::move(*line);
  if (text.rfind(", ", 0) == 0) text.erase(0, 2);
  return text;
}

std::string percent_text(int present, int counted) {
  if (counted == 0) return "0";
  const int64_t permille = int64_t{present} * 1000 / counted;
  std::string text = std::to_string(permille / 10);
  if (permille % 10 != 0) text += "," + std::to_string(permille % 10);
  return text;
}

std::string kind_summary(const MeetingRow& row) {
  const std::string month =
      "tháng " + std::to_string(row.held_on.month()) + " năm " + std::to_string(row.held_on.year());
  if (row.kind == dm::kThematic) return "Sinh hoạt chuyên đề " + month + ": " + row.topic;
  if (row.kind == dm::kAdHoc)
    return "Họp chi bộ bất thường" + (row.topic.empty() ? "" : ": " + row.topic);
  return "Họp chi bộ thường kỳ " + month;
}

// Paragraphs of a free text: one per non-empty line.
void add_lines(std::vector<std::string>& body, const std::string& text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) body.push_back(line);
    start = end + 1;
  }
}

std::string names_of(const MeetingView& view, std::string_view status) {
  std::string names;
  for (const RosterLine& line : view.roster) {
    if (line.attendance != std::string(status)) continue;
    if (!names.empty()) names += "; ";
    names += line.name;
    if (!line.reason.empty()) names += " (" + line.reason + ")";
  }
  return names;
}

io::TemplateSlots minutes_slots(const MeetingView& view, const domain::RuleSet& rules) {
  const MeetingRow& row = view.row;
  io::TemplateSlots slots;
  slots.texts["heading"] = std::string(domain::kPartyHeading);
  slots.texts["superior_issuer"] = text::upper_vi(view.parent_name);
  slots.texts["issuer"] = text::upper_vi(view.org_name);
  slots.texts["state_mark"] = row.state == dm::kApproved ? "" : "DỰ THẢO";
  slots.texts["place_date"] = date_words(row.held_on, rules);
  slots.texts["type_title"] = "BIÊN BẢN";
  slots.texts["summary"] = kind_summary(row);
  slots.texts["summary_rule"] = "-----";
  std::vector<std::string>& body = slots.lists["body"];
  std::string time = "Thời gian: ";
  if (!row.starts_at.empty())
    time +=
        "bắt đầu lúc " + row.starts_at.substr(0, 2) + " giờ " + row.starts_at.substr(3, 2) + ", ";
  body.push_back(time + date_words(row.held_on, rules) + ".");
  if (!row.place.empty()) body.push_back("Địa điểm: " + row.place + ".");
  body.push_back("Chủ trì: " + (view.chair ? view.chair->name : std::string("...")) +
                 "; thư ký: " + (view.secretary ? view.secretary->name : std::string("...")) + ".");
  int not_counted = 0;
  for (const RosterLine& line : view.roster)
    if (!line.counted) ++not_counted;
  std::string attendance =
      "Thành phần: đảng viên của chi bộ " + std::to_string(view.roster.size()) + " đồng chí";
  if (not_counted > 0)
    attendance += " (" + std::to_string(not_counted) +
                  " đồng chí miễn sinh hoạt hoặc làm nhiệm vụ đặc biệt, không tính)";
  attendance += "; có mặt " + std::to_string(row.present) + "/" + std::to_string(row.counted) +
                " đồng chí (" + percent_text(row.present, row.counted) + " %); vắng có lý do " +
                std::to_string(row.absent_excused) + "; vắng không có lý do " +
                std::to_string(row.absent_unexcused) + ".";
  body.push_back(attendance);
  if (const std::string excused = names_of(view, dm::kAbsentExcused); !excused.empty())
    body.push_back("Vắng có lý do: " + excused + ".");
  if (const std::string unexcused = names_of(view, dm::kAbsentUnexcused); !unexcused.empty())
    body.push_back("Vắng không có lý do: " + unexcused + ".");
  body.push_back("Nội dung sinh hoạt:");
  int n = 0;
  for (const MeetingAgendaItem& item : row.agenda) {
    std::string line = std::to_string(++n) + ". " + item.title;
    if (!item.note.empty()) line += ": " + item.note;
    body.push_back(line + ".");
  }
  for (const LinkView& d : view.documents)
    body.push_back("Văn bản cấp trên: " + d.number + (d.title.empty() ? "" : " " + d.title) + ".");
  for (const LinkView& d : view.directives)
    body.push_back("Chỉ thị, nghị quyết: " + (d.number.empty() ? "" : d.number + " ") + d.title +
                   ".");
  if (!row.minutes.empty()) {
    body.push_back("Diễn biến buổi sinh hoạt:");
    add_lines(body, row.minutes);
  }
  for (const VoteView& v : view.votes) {
    body.push_back(
        "Biểu quyết " + v.vote.subject + ": tán thành " + std::to_string(v.vote.in_favour) + "/" +
        std::to_string(v.vote.entitled) + " đảng viên có quyền biểu quyết; không tán thành " +
        std::to_string(v.vote.against) + "; không biểu quyết " + std::to_string(v.vote.abstain) +
        ". " + (v.passed ? "Được thông qua." : "Không được thông qua."));
  }
  if (!row.resolution.empty()) {
    body.push_back("Nghị quyết:");
    add_lines(body, row.resolution);
  }
  if (view.quality) {
    body.push_back(std::string("Chất lượng buổi sinh hoạt: ") +
                   (view.quality->quality.meets() ? "đạt" : "chưa đạt") +
                   " (tỷ lệ đảng viên dự sinh hoạt " + percent_text(row.present, row.counted) +
                   " %).");
  }
  for (const AmendmentView& a : view.amendments) {
    body.push_back("Đính chính ngày " + a.row.created_at.substr(0, 10) + " (" + a.row.created_by +
                   "): " + a.row.text + ". Lý do: " + a.row.reason + ".");
  }
  slots.texts["secretary_title"] = "THƯ KÝ";
  slots.texts["secretary_name"] = view.secretary ? view.secretary->name : "";
  slots.texts["chair_title"] = "CHỦ TRÌ";
  slots.texts["chair_name"] = view.chair ? view.chair->name : "";
  return slots;
}

}  // namespace minutes_detail

Result<RenderedMinutes> render_meeting_minutes(Context& ctx, int64_t id, bool docx) {
  Result<MeetingView> view = get_meeting(ctx, id);
  if (!view) return std::move(view).error();
  if (view->row.state == domain::meetings::kScheduled) return Error::conflict("meeting_not_held");
  const io::TemplateSlots slots = minutes_detail::minutes_slots(*view, ctx.services.rules);
  RenderedMinutes out;
  out.file_name = "bien-ban-" + view->row.held_on.iso() + "-" + std::to_string(view->row.id) +
                  (docx ? ".docx" : ".html");
  Result<std::string> content = docx ? io::render_docx_template("docx/minutes.xml", slots)
                                     : io::render_print_html_template("minutes.html", slots);
  if (!content) return std::move(content).error();
  out.content = std::move(*content);
  // Every export or print of a record is audited (../shared/security/reference.md §5 item 3).
  AuditEntry entry = AuditEntry::about("meeting.minutes_export", "meeting", view->row.id,
                                       view->row.org_path.str());
  entry.with("format", docx ? "docx" : "print");
  ctx.audit(entry);
  return out;
}

}  // namespace chibo::app
