// Letter classes and capitals for Vietnamese text (ICU's Unicode properties and its "vi" case
// mapping), for the parts of a document symbol and the capitalized lines of a document.
#pragma once

#include <string>
#include <string_view>

namespace chibo::text {

// True when `utf8` is non-empty valid UTF-8 and every code point is alphabetic (Đ, ơ, ư and
// the precomposed vowels with tone marks count; digits, marks on their own and punctuation do
// not).
bool is_letters(std::string_view utf8);

// True when `utf8` is non-empty valid UTF-8 of alphabetic code points and ASCII digits.
bool is_letters_or_digits(std::string_view utf8);

// Capitals under Vietnamese rules: "Đảng ủy Bộ Tư pháp" -> "ĐẢNG ỦY BỘ TƯ PHÁP". Invalid
// UTF-8 comes back unchanged.
std::string upper_vi(std::string_view utf8);

}  // namespace chibo::text
