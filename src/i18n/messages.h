// User-facing messages in Vietnamese and English, keyed by the stable codes that Errors and
// FieldErrors carry. Templates use {name} placeholders filled from the error's params.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace chibo::i18n {

enum class Lang { kVi, kEn };

// Vietnamese unless the Accept-Language header prefers English.
Lang pick_language(std::string_view accept_language);

// The message for `code`, with {placeholders} filled; an unknown code yields a generic text.
std::string message(std::string_view code, Lang lang, const Params& params = {});

// True when `code` has a message (tests use it to keep the catalog complete).
bool has_message(std::string_view code);

}  // namespace chibo::i18n
