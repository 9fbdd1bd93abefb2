#include "domain/review/summary.h"

namespace chibo::domain::review {

int64_t share_tenths(int64_t count, int64_t total) {
  if (total <= 0 || count <= 0) return 0;
  return (count * 1000 * 2 + total) / (total * 2);
}

std::string share_text(int64_t tenths, char decimal) {
  std::string text = std::to_string(tenths / 10);
  if (tenths % 10 != 0) {
    text += decimal;
    text += static_cast<char>('0' + tenths % 10);
  }
  return text;
}

}  // namespace chibo::domain::review
