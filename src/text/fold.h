// Folding for accent- and case-insensitive search: "Đặng Thị Bình" -> "dang thi binh".
// Letters lose their marks and case (đ/Đ become d), digits stay, everything else separates
// words; the result has single spaces and no leading or trailing space.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chibo::text {

// Input must be valid UTF-8 (invalid bytes are treated as separators).
std::string fold(std::string_view utf8);

// The words of fold(utf8).
std::vector<std::string> fold_words(std::string_view utf8);

// The smallest string greater than every string that starts with `prefix` (for range scans:
// key >= prefix AND key < prefix_end(prefix)). `prefix` must be non-empty folded ASCII.
std::string prefix_end(std::string_view prefix);

}  // namespace chibo::text
