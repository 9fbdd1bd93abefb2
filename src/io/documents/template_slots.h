// The texts a document template's slots receive: single components by name, lists (body
// paragraphs, recipients) by name. Built from a PrintedDocument; both renderers fill from it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/documents/printed_document.h"

namespace chibo::io {

struct TemplateSlots {
  std::map<std::string, std::string> texts;  // "issuer" -> "ĐẢNG ỦY BỘ TƯ PHÁP"
  std::map<std::string, std::vector<std::string>> lists;  // "body" -> paragraphs
};

TemplateSlots template_slots(const domain::PrintedDocument& printed);

// The text of the embedded file data/templates/<name>, or an internal error when it is missing
// (a build without the templates is a bug).
Result<std::string> document_template(const std::string& name);

}  // namespace chibo::io
