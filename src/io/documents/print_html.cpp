#include "io/documents/print_html.h"

#include <pugixml.hpp>

#include <sstream>

#include "io/documents/template_slots.h"

namespace chibo::io {

namespace {

// Puts `value` as the element's only text. Line breaks stay in the text (the template's CSS
// shows them with white-space: pre-line): an empty <br/> would be written <br></br>, which
// HTML reads as two breaks.
void set_html_text(pugi::xml_node element, const std::string& value) {
  while (pugi::xml_node child = element.first_child()) element.remove_child(child);
  element.append_child(pugi::node_pcdata).set_value(value.c_str());
}

Status fill_html_slots(pugi::xml_document& page, const TemplateSlots& slots) {
  std::vector<pugi::xml_node> slotted;
  for (const pugi::xpath_node& node : page.select_nodes("//*[@data-slot or @data-list]")) {
    slotted.push_back(node.node());
  }
  for (pugi::xml_node element : slotted) {
    if (pugi::xml_attribute list_name = element.attribute("data-list")) {
      const auto list = slots.lists.find(list_name.value());
      if (list == slots.lists.end()) {
        return Error::internal(std::string("html template: unknown list ") + list_name.value());
      }
      element.remove_attribute("data-list");
      for (const std::string& item : list->second) {
        set_html_text(element.parent().insert_copy_before(element, element), item);
      }
      element.parent().remove_child(element);
      continue;
    }
    const std::string name = element.attribute("data-slot").value();
    const auto value = slots.texts.find(name);
    if (value == slots.texts.end()) return Error::internal("html template: unknown slot " + name);
    if (value->second.empty()) {
      element.parent().remove_child(element);
      continue;
    }
    element.remove_attribute("data-slot");
    set_html_text(element, value->second);
  }
  return Ok();
}

}  // namespace

Result<std::string> render_print_html(const domain::PrintedDocument& printed) {
  return render_print_html_template("document.html", template_slots(printed));
}

Result<std::string> render_print_html_template(const std::string& template_name,
                                               const TemplateSlots& slots) {
  Result<std::string> source = document_template(template_name);
  if (!source) return source;
  // The template is well-formed XHTML-compatible HTML, so an XML DOM fills it and escapes
  // every text on output.
  pugi::xml_document page;
  const pugi::xml_parse_result parsed =
      page.load_string(source->c_str(), pugi::parse_default | pugi::parse_doctype);
  if (!parsed) return Error::internal(std::string("html template: ") + parsed.description());
  if (Status filled = fill_html_slots(page, slots); !filled) {
    return std::move(filled).error();
  }
  std::ostringstream html;
  // No XML declaration and no self-closed <p/>, which HTML would read as an open tag.
  page.save(html, "",
            pugi::format_raw | pugi::format_no_declaration | pugi::format_no_empty_element_tags,
            pugi::encoding_utf8);
  return html.str();
}

}  // namespace chibo::io
