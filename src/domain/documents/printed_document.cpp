#include "domain/documents/printed_document.h"

#include "text/letters.h"

namespace chibo::domain {

namespace {

std::string padded_date_part(int value, const RuleParameter& pad_below) {
  std::string digits = std::to_string(value);
  if (value < pad_below.value && digits.size() == 1) digits.insert(0, "0");
  return digits;
}

// The list as printed: "- " before each item; a comma after each but the last, which ends with a
// full stop (the convention of Party documents' recipients blocks [R]).
std::vector<std::string> printed_recipients(const std::vector<std::string>& recipients) {
  std::vector<std::string> lines;
  for (size_t index = 0; index < recipients.size(); ++index) {
    std::string line = "- " + recipients[index];
    while (!line.empty() && (line.back() == ',' || line.back() == '.' || line.back() == ';')) {
      line.pop_back();
    }
    line += index + 1 == recipients.size() ? "." : ",";
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

Result<std::string> place_and_date_line(std::string_view place, Date on, const RuleSet& rules) {
  const RuleParameter* day_pad = rules.in_force("document.date_day_pad_below", on);
  const RuleParameter* month_pad = rules.in_force("document.date_month_pad_below", on);
  if (!day_pad || !month_pad) {
    return Error::invalid_field("issued_on", "rule_not_in_force",
                                {{"rule", "document.date_day_pad_below"}});
  }
  return std::string(place) + ", ngày " + padded_date_part(on.day(), *day_pad) + " tháng " +
         padded_date_part(on.month(), *month_pad) + " năm " + std::to_string(on.year());
}

Result<PrintedDocument> printed_document(const PartyDocument& document,
                                         const DocumentCatalog& catalog, const RuleSet& rules) {
  const DocumentType* type = catalog.type(document.type);
  if (!type) return Error::invalid_field("type", "unknown_code");
  if (!document.issued_on) return Error::invalid_field("issued_on", "required");
  PrintedDocument printed;
  printed.heading = std::string(kPartyHeading);
  printed.superior_issuer = text::upper_vi(document.superior_issuer);
  printed.issuer = text::upper_vi(document.issuer_name);
  if (!document.symbol.empty()) printed.number_line = "Số " + document.symbol;
  Result<std::string> place_date = place_and_date_line(document.place, *document.issued_on, rules);
  if (!place_date) return std::move(place_date).error();
  printed.place_date = std::move(*place_date);
  if (type->layout == DocumentLayout::kLetter) {
    printed.letter_summary = document.summary;
  } else {
    printed.type_title = text::upper_vi(type->name_vi);
    printed.summary = document.summary;
  }
  printed.body = document.body;
  if (!document.authority.empty()) {
    const DocumentMark* authority = catalog.mark(MarkKind::kAuthority, document.authority);
    if (!authority) return Error::invalid_field("authority", "unknown_code");
    printed.authority_line = authority->label + " " + text::upper_vi(document.signing_for);
  }
  printed.signer_position = text::upper_vi(document.signer_position);
  printed.signer_name = document.signer_name;
  printed.recipients_heading = std::string(kRecipientsHeading);
  printed.recipients = printed_recipients(document.recipients);
  const struct {
    const std::string& code;
    MarkKind kind;
    std::string PrintedDocument::*out;
    const char* field;
  } marks[] = {
      {document.secrecy, MarkKind::kSecrecy, &PrintedDocument::secrecy_mark, "secrecy"},
      {document.urgency, MarkKind::kUrgency, &PrintedDocument::urgency_mark, "urgency"},
  };
  for (const auto& mark : marks) {
    if (mark.code.empty()) continue;
    const DocumentMark* found = catalog.mark(mark.kind, mark.code);
    if (!found) return Error::invalid_field(mark.field, "unknown_code");
    printed.*(mark.out) = found->label;
  }
  return printed;
}

}  // namespace chibo::domain
