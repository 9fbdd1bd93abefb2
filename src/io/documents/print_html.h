// The print view of an outgoing document: one HTML page (@page A4) in the same layout as the
// DOCX, from the template data/templates/document.html. Every text is escaped.
#pragma once

#include <string>

#include "core/result.h"
#include "domain/documents/printed_document.h"
#include "io/documents/template_slots.h"

namespace chibo::io {

// The HTML page. Fails (internal) only on a broken template.
Result<std::string> render_print_html(const domain::PrintedDocument& printed);

// Another page template (data/templates/<template_name>, e.g. minutes.html) filled with `slots`.
Result<std::string> render_print_html_template(const std::string& template_name,
                                               const TemplateSlots& slots);

}  // namespace chibo::io
