#include "io/documents/template_slots.h"

#include "resources/resources.h"

namespace chibo::io {

TemplateSlots template_slots(const domain::PrintedDocument& printed) {
  TemplateSlots slots;
  slots.texts = {
      {"heading", printed.heading},
      {"superior_issuer", printed.superior_issuer},
      {"issuer", printed.issuer},
      {"number_line", printed.number_line},
      {"letter_summary", printed.letter_summary},
      {"secrecy_mark", printed.secrecy_mark},
      {"urgency_mark", printed.urgency_mark},
      {"place_date", printed.place_date},
      {"type_title", printed.type_title},
      {"summary", printed.summary},
      // The short rule under a title's summary (36-HD/VPTW prints one under the summary [R]).
      {"summary_rule", printed.type_title.empty() ? "" : "-----"},
      {"authority_line", printed.authority_line},
      {"signer_position", printed.signer_position},
      {"signer_name", printed.signer_name},
      {"recipients_heading", printed.recipients_heading},
  };
  slots.lists = {{"body", printed.body}, {"recipients", printed.recipients}};
  return slots;
}

Result<std::string> document_template(const std::string& name) {
  const std::string path = "data/templates/" + name;
  const std::optional<std::string_view> data = resources::find(path);
  if (!data) return Error::internal("template missing: " + path);
  return std::string(*data);
}

}  // namespace chibo::io
