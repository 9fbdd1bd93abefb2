#include "io/documents/docx_writer.h"

#include <pugixml.hpp>

#include <sstream>

#include "io/documents/template_slots.h"
#include "io/documents/zip_archive.h"

namespace chibo::io {

namespace {

// Package parts: the template file under data/templates/docx/ and its name in the package.
struct DocxPart {
  const char* template_name;
  const char* package_name;
};
constexpr DocxPart kDocxParts[] = {
    {"docx/content_types.xml", "[Content_Types].xml"},
    {"docx/package_rels.xml", "_rels/.rels"},
    {"docx/document_rels.xml", "word/_rels/document.xml.rels"},
    {"docx/styles.xml", "word/styles.xml"},
    {"docx/settings.xml", "word/settings.xml"},
};

// The whole text of a paragraph's runs.
std::string docx_paragraph_text(const pugi::xml_node& paragraph) {
  std::string text;
  for (const pugi::xpath_node& node : paragraph.select_nodes(".//w:t")) {
    text += node.node().text().get();
  }
  return text;
}

// Sets the paragraph's first run to `value` (line breaks as <w:br/>), dropping any other runs.
void set_docx_paragraph_text(pugi::xml_node paragraph, const std::string& value) {
  pugi::xml_node run = paragraph.child("w:r");
  while (pugi::xml_node extra = run.next_sibling("w:r")) paragraph.remove_child(extra);
  pugi::xml_node run_properties = run.child("w:rPr");
  for (pugi::xml_node child = run.first_child(); child;) {
    pugi::xml_node next = child.next_sibling();
    if (child != run_properties) run.remove_child(child);
    child = next;
  }
  size_t start = 0;
  while (true) {
    const size_t end = value.find('\n', start);
    pugi::xml_node text = run.append_child("w:t");
    text.append_attribute("xml:space") = "preserve";
    text.text().set(
        value.substr(start, end == std::string::npos ? std::string::npos : end - start).c_str());
    if (end == std::string::npos) break;
    run.append_child("w:br");
    start = end + 1;
  }
}

// A table cell must keep one paragraph; an emptied one stays as an empty paragraph.
void remove_docx_paragraph(pugi::xml_node paragraph) {
  pugi::xml_node parent = paragraph.parent();
  const bool last_in_cell = std::string_view(parent.name()) == "w:tc" &&
                            !paragraph.previous_sibling("w:p") && !paragraph.next_sibling("w:p");
  if (last_in_cell) {
    while (pugi::xml_node run = paragraph.child("w:r")) paragraph.remove_child(run);
    return;
  }
  parent.remove_child(paragraph);
}

Status fill_docx_slots(pugi::xml_document& document, const TemplateSlots& slots) {
  std::vector<pugi::xml_node> paragraphs;
  for (const pugi::xpath_node& node : document.select_nodes("//w:p")) {
    paragraphs.push_back(node.node());
  }
  for (pugi::xml_node paragraph : paragraphs) {
    const std::string text = docx_paragraph_text(paragraph);
    if (text.size() < 5 || text.rfind("{{", 0) != 0 || text.substr(text.size() - 2) != "}}") {
      continue;
    }
    std::string name = text.substr(2, text.size() - 4);
    if (name.size() > 2 && name.substr(name.size() - 2) == "[]") {
      name.resize(name.size() - 2);
      const auto list = slots.lists.find(name);
      if (list == slots.lists.end()) return Error::internal("docx template: unknown list " + name);
      for (const std::string& item : list->second) {
        pugi::xml_node copy = paragraph.parent().insert_copy_before(paragraph, paragraph);
        set_docx_paragraph_text(copy, item);
      }
      remove_docx_paragraph(paragraph);
      continue;
    }
    const auto value = slots.texts.find(name);
    if (value == slots.texts.end()) return Error::internal("docx template: unknown slot " + name);
    if (value->second.empty()) {
      remove_docx_paragraph(paragraph);
    } else {
      set_docx_paragraph_text(paragraph, value->second);
    }
  }
  return Ok();
}

}  // namespace

Result<std::string> render_docx(const domain::PrintedDocument& printed) {
  return render_docx_template("docx/document.xml", template_slots(printed));
}

Result<std::string> render_docx_template(const std::string& skeleton_name,
                                         const TemplateSlots& slots) {
  Result<std::string> skeleton = document_template(skeleton_name);
  if (!skeleton) return skeleton;
  pugi::xml_document document;
  // Comments in the skeleton explain the template; they are not copied into documents.
  const pugi::xml_parse_result parsed = document.load_string(skeleton->c_str());
  if (!parsed) return Error::internal(std::string("docx template: ") + parsed.description());
  if (Status filled = fill_docx_slots(document, slots); !filled) {
    return std::move(filled).error();
  }
  std::ostringstream xml;
  document.save(xml, "", pugi::format_raw, pugi::encoding_utf8);
  std::vector<ZipEntry> entries;
  for (const DocxPart& part : kDocxParts) {
    Result<std::string> data = document_template(part.template_name);
    if (!data) return data;
    // Parsed and written again: checks the template and leaves its comments behind.
    pugi::xml_document part_document;
    if (!part_document.load_string(data->c_str())) {
      return Error::internal(std::string("docx template unreadable: ") + part.template_name);
    }
    std::ostringstream part_xml;
    part_document.save(part_xml, "", pugi::format_raw, pugi::encoding_utf8);
    entries.push_back({part.package_name, part_xml.str()});
  }
  entries.push_back({"word/document.xml", xml.str()});
  return write_zip(entries);
}

}  // namespace chibo::io
