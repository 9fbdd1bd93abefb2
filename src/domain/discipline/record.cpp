#include "domain/discipline/record.h"

#include <algorithm>
#include <cstdio>

namespace chibo::domain::discipline {

bool in_force(const DecidedSanction& sanction) { return sanction.appeal_outcome != "annulled"; }

std::vector<DecidedSanction> in_force_of(std::vector<DecidedSanction> decided) {
  std::erase_if(decided, [](const DecidedSanction& s) { return !in_force(s); });
  std::sort(decided.begin(), decided.end(), [](const DecidedSanction& a, const DecidedSanction& b) {
    if (a.decided_on != b.decided_on) return a.decided_on > b.decided_on;
    return a.case_id > b.case_id;
  });
  return decided;
}

std::string_view sanction_name(Sanction sanction, bool english) {
  switch (sanction) {
    case Sanction::kReprimand:
      return english ? "Reprimand" : "Khiển trách";
    case Sanction::kWarning:
      return english ? "Warning" : "Cảnh cáo";
    case Sanction::kDismissal:
      return english ? "Dismissal" : "Cách chức";
    case Sanction::kExpulsion:
      return english ? "Expulsion" : "Khai trừ";
    case Sanction::kDissolution:
      return english ? "Dissolution" : "Giải tán";
  }
  return {};
}

std::string sanction_line(const DecidedSanction& sanction) {
  char day[16];
  std::snprintf(day, sizeof day, "%02d/%02d/%04d", sanction.decided_on.day(),
                sanction.decided_on.month(), sanction.decided_on.year());
  std::string line(sanction_name(sanction.sanction));
  line += " — QĐ";
  if (!sanction.decision_number.empty()) {
    line += " " + sanction.decision_number;
  } else if (!sanction.competent_level.empty()) {
    line += " của " + sanction.competent_level;
  }
  line += " ngày ";
  line += day;
  if (sanction.appeal_outcome == "reduced") line += " (giảm khi giải quyết khiếu nại)";
  return line;
}

std::string discipline_text(const std::vector<DecidedSanction>& decided,
                            std::string_view legacy_note) {
  std::string text;
  for (const DecidedSanction& sanction : in_force_of(decided)) {
    if (!text.empty()) text += "; ";
    text += sanction_line(sanction);
  }
  if (!legacy_note.empty()) {
    if (!text.empty()) text += "; ";
    text += "Ghi chép trước đây: ";
    text += legacy_note;
  }
  return text;
}

}  // namespace chibo::domain::discipline
