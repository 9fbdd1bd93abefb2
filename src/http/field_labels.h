// Human names of API fields, for messages ("Số CCCD: phải gồm đúng 12 chữ số").
#pragma once

#include <string>

#include "i18n/messages.h"

namespace chibo::http {

// The label of `field` (a member field, an organization field or a query parameter); the
// field name itself when none is known.
std::string field_label(const std::string& field, i18n::Lang lang);

// The params of a discipline message as words: a sanction, subject kind or member status code
// as its name in `lang`, a day (on, due, ends_on) as 03/05/2026 in Vietnamese.
void discipline_words(Params& params, i18n::Lang lang);

// A FieldError as one sentence in `lang` (label and params filled in).
std::string field_message(const FieldError& error, i18n::Lang lang);

}  // namespace chibo::http
