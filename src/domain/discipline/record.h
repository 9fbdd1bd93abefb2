// A member's discipline as the member record shows it (personal history item 21, "Kỷ luật"): no
// longer typed in, but the view of the member's decided discipline cases that are in force, one
// line each ("Cảnh cáo — QĐ 12-QĐ/ĐU ngày 03/05/2026"), newest decision first, then the free
// text recorded before the cases existed (kept as a legacy note: migration 0027).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "domain/discipline/sanction.h"

namespace chibo::domain::discipline {

// A decided case as the record needs it.
struct DecidedSanction {
  int64_t case_id = 0;
  Sanction sanction = Sanction::kReprimand;
  Date decided_on;
  std::string decision_number;  // the decision's number (the register's, or as typed); "" unknown
  std::string competent_level;  // who decided: "Chi bộ", "Ủy ban kiểm tra Đảng ủy ..."
  std::string appeal_outcome;   // "", "upheld", "reduced", "annulled"
};

// In force: decided and not annulled on appeal. A decision is complied with while an appeal is
// pending (Charter Art. 39), so a pending appeal leaves it in force. No expiry: rules-reference
// §8 names no period after which a sanction stops counting on the record.
bool in_force(const DecidedSanction& sanction);

// The sanctions in force among `decided`, newest decision first (then the later case first).
std::vector<DecidedSanction> in_force_of(std::vector<DecidedSanction> decided);

// The sanction's name: "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ", "Giải tán" (or the
// English "Reprimand", "Warning", "Dismissal", "Expulsion", "Dissolution").
std::string_view sanction_name(Sanction sanction, bool english = false);

// One sanction's line: "Cảnh cáo — QĐ 12-QĐ/ĐU ngày 03/05/2026"; without a number the deciding
// level ("Khiển trách — QĐ của Chi bộ 3 ngày 03/05/2026"); " (giảm khi giải quyết khiếu nại)"
// when an appeal reduced it.
std::string sanction_line(const DecidedSanction& sanction);

// Item 21's text: the lines of the sanctions in force among `decided` joined by "; ", then the
// legacy note as "Ghi chép trước đây: ..."; "" when there is neither.
std::string discipline_text(const std::vector<DecidedSanction>& decided,
                            std::string_view legacy_note);

}  // namespace chibo::domain::discipline
