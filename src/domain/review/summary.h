// The grade summary of a subtree (the annual review's XLSX, issue 15): each grade's share of the
// members graded, as tenths of a percent rounded half up in integers, and its text with the
// reader's decimal separator ("33,3" in Vietnamese). No rule decides these: they are arithmetic.
#pragma once

#include <cstdint>
#include <string>

namespace chibo::domain::review {

// count × 1000 / total rounded half up; 0 when nothing is graded.
int64_t share_tenths(int64_t count, int64_t total);

// 333 -> "33,3" (decimal ','), 1000 -> "100", 0 -> "0".
std::string share_text(int64_t tenths, char decimal = ',');

}  // namespace chibo::domain::review
