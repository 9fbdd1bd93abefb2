// An outgoing Party document as a DOCX file in the layout of Hướng dẫn 36-HD/VPTW. The package
// parts are data files (data/templates/docx/): the skeleton document.xml marks where each
// component goes, styles.xml holds the formatting of each, so the layout is changed there.
#pragma once

#include <string>

#include "core/result.h"
#include "domain/documents/printed_document.h"
#include "io/documents/template_slots.h"

namespace chibo::io {

// The DOCX bytes. Fails (internal) only on a broken template or libzip failure.
Result<std::string> render_docx(const domain::PrintedDocument& printed);

// The DOCX bytes of another skeleton (data/templates/<skeleton_name>, e.g. the minutes of a
// cell meeting, docx/minutes.xml) filled with `slots`; same package parts and styles.
Result<std::string> render_docx_template(const std::string& skeleton_name,
                                         const TemplateSlots& slots);

}  // namespace chibo::io
