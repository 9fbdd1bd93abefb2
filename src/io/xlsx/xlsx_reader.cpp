#include "io/xlsx/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>

namespace chibo::io::xlsx {

struct Reader::Impl {
  zip_t* archive = nullptr;
  ReaderLimits limits;
  std::vector<std::string> names;
  std::vector<std::string> sheet_paths;
  std::vector<std::string> shared;
  std::vector<bool> date_xf;  // per cellXfs index: shows a date
  bool date1904 = false;

  ~Impl() {
    if (archive) zip_discard(archive);
  }
};

// Named, not anonymous: the unity build joins this file with the other readers.
namespace xlsx_reader_detail {

constexpr size_t kChunk = 64 * 1024;

std::string_view local_name(const XML_Char* name) {
  std::string_view view(name);
  const size_t colon = view.find(':');
  return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

const XML_Char* attribute(const XML_Char** attributes, std::string_view wanted) {
  for (size_t i = 0; attributes[i]; i += 2) {
    if (std::string_view(attributes[i]) == wanted) return attributes[i + 1];
  }
  return nullptr;
}

// An attribute by its local name ("r:id", "x:id" ... for "id").
const XML_Char* attribute_local(const XML_Char** attributes, std::string_view wanted) {
  for (size_t i = 0; attributes[i]; i += 2) {
    std::string_view name(attributes[i]);
    const size_t colon = name.find(':');
    if (colon != std::string_view::npos && name.substr(colon + 1) == wanted)
      return attributes[i + 1];
  }
  return nullptr;
}

std::optional<int64_t> parse_integer(std::string_view text) {
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Every part's handler derives from this: the parser, and why it stopped.
struct Handler {
  XML_Parser parser = nullptr;
  std::optional<Error> error;
  bool stopped = false;  // the row callback asked to stop

  void fail(Error why) {
    if (!error) error = std::move(why);
    XML_StopParser(parser, XML_FALSE);
  }
  // Expat still delivers the end of an empty element (<c r="?"/>) after XML_StopParser, so every
  // handler checks this first: nothing is read from a cell that was refused.
  bool halted() const { return error.has_value() || stopped; }
};

Handler* handler_of(void* data) { return static_cast<Handler*>(data); }

void XMLCALL refuse_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  handler_of(data)->fail(Error::malformed("xlsx_doctype_refused"));
}

void XMLCALL refuse_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                           const XML_Char*, const XML_Char*, const XML_Char*) {
  handler_of(data)->fail(Error::malformed("xlsx_doctype_refused"));
}

int XMLCALL refuse_external(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*,
                            const XML_Char*) {
  return XML_STATUS_ERROR;
}

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};

// Parses one part of the archive with `handler`'s callbacks as it inflates.
Status parse_part(Reader::Impl& impl, const std::string& name, Handler& handler,
                  XML_StartElementHandler start, XML_EndElementHandler end,
                  XML_CharacterDataHandler text) {
  const ReaderLimits& limits = impl.limits;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(impl.archive, name.c_str(), 0, &stat) < 0)
    return Error::malformed("xlsx_part_missing", {{"part", name}});
  const uint64_t declared = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
  const uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  auto too_big = [&](uint64_t inflated) -> std::optional<Error> {
    if (inflated > limits.max_part_bytes)
      return Error::too_large("xlsx_too_large", {{"max", std::to_string(limits.max_part_bytes)}});
    if (inflated > limits.ratio_floor_bytes &&
        inflated / std::max<uint64_t>(compressed, 1) > limits.max_ratio)
      return Error::too_large("xlsx_compression_ratio",
                              {{"max", std::to_string(limits.max_ratio)}});
    return std::nullopt;
  };
  // What the archive declares, before inflating anything; then what really comes out.
  if (auto refused = too_big(declared)) return *refused;
  std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate("UTF-8"));
  if (!parser) return Error::internal("xlsx: no XML parser");
  handler.parser = parser.get();
  XML_SetUserData(parser.get(), &handler);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  XML_SetStartDoctypeDeclHandler(parser.get(), refuse_doctype);
  XML_SetEntityDeclHandler(parser.get(), refuse_entity);
  XML_SetExternalEntityRefHandler(parser.get(), refuse_external);
  XML_SetElementHandler(parser.get(), start, end);
  XML_SetCharacterDataHandler(parser.get(), text);

  zip_file_t* file = zip_fopen(impl.archive, name.c_str(), 0);
  if (!file) return Error::malformed("xlsx_part_unreadable", {{"part", name}});
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(file, zip_fclose);
  std::vector<char> buffer(kChunk);
  uint64_t inflated = 0;
  bool parse_failed = false;
  zip_int64_t got = 0;
  while ((got = zip_fread(file, buffer.data(), buffer.size())) > 0) {
    inflated += static_cast<uint64_t>(got);
    if (auto refused = too_big(inflated)) return *refused;
    if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(got), XML_FALSE) != XML_STATUS_OK) {
      parse_failed = true;
      break;
    }
  }
  if (handler.error) return *handler.error;
  if (handler.stopped) return Ok();
  if (got < 0) return Error::malformed("xlsx_part_unreadable", {{"part", name}});
  if (!parse_failed && XML_Parse(parser.get(), nullptr, 0, XML_TRUE) != XML_STATUS_OK)
    parse_failed = true;
  if (handler.error) return *handler.error;
  if (handler.stopped) return Ok();
  if (parse_failed) {
    return Error::malformed("xlsx_xml",
                            {{"part", name},
                             {"line", std::to_string(XML_GetCurrentLineNumber(parser.get()))},
                             {"detail", XML_ErrorString(XML_GetErrorCode(parser.get()))}});
  }
  return Ok();
}

bool part_exists(Reader::Impl& impl, const std::string& name) {
  return zip_name_locate(impl.archive, name.c_str(), 0) >= 0;
}

// --- relationships (_rels/*.rels) --------------------------------------------------------

struct Relationship {
  std::string id, type, target;
};

struct RelsHandler : Handler {
  std::vector<Relationship> items;
};

void XMLCALL rels_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* self = static_cast<RelsHandler*>(handler_of(data));
  if (local_name(name) != "Relationship") return;
  Relationship r;
  if (const XML_Char* v = attribute(attributes, "Id")) r.id = v;
  if (const XML_Char* v = attribute(attributes, "Type")) r.type = v;
  if (const XML_Char* v = attribute(attributes, "Target")) r.target = v;
  if (self->items.size() < 100000) self->items.push_back(std::move(r));
}
void XMLCALL no_end(void*, const XML_Char*) {}
void XMLCALL no_text(void*, const XML_Char*, int) {}

std::string directory_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

std::string rels_path_of(const std::string& part) {
  const size_t slash = part.rfind('/');
  const std::string base = slash == std::string::npos ? part : part.substr(slash + 1);
  return directory_of(part) + "_rels/" + base + ".rels";
}

// A relationship's target as a path inside the archive.
std::string resolve(const std::string& from_dir, const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  std::string dir = from_dir;
  std::string rest = target;
  while (rest.rfind("../", 0) == 0) {
    rest = rest.substr(3);
    if (!dir.empty()) dir.pop_back();
    dir = directory_of(dir);
  }
  if (rest.rfind("./", 0) == 0) rest = rest.substr(2);
  return dir + rest;
}

bool type_is(const std::string& type, std::string_view suffix) {
  return type.size() >= suffix.size() &&
         type.compare(type.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// --- workbook.xml -------------------------------------------------------------------------

struct WorkbookHandler : Handler {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  bool date1904 = false;
};

void XMLCALL workbook_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* self = static_cast<WorkbookHandler*>(handler_of(data));
  const std::string_view local = local_name(name);
  if (local == "sheet") {
    const XML_Char* sheet_name = attribute(attributes, "name");
    const XML_Char* id = attribute_local(attributes, "id");
    if (sheet_name && id && self->sheets.size() < 10000) self->sheets.emplace_back(sheet_name, id);
  } else if (local == "workbookPr") {
    const XML_Char* v = attribute(attributes, "date1904");
    self->date1904 = v && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
  }
}

// --- sharedStrings.xml --------------------------------------------------------------------

struct SharedHandler : Handler {
  std::vector<std::string>* out = nullptr;
  const ReaderLimits* limits = nullptr;
  std::string current;
  uint64_t bytes = 0;
  int in_si = 0, in_rph = 0;
  bool collect = false;
};

void XMLCALL shared_start(void* data, const XML_Char* name, const XML_Char**) {
  auto* self = static_cast<SharedHandler*>(handler_of(data));
  if (self->halted()) return;
  const std::string_view local = local_name(name);
  if (local == "si") {
    ++self->in_si;
    self->current.clear();
  } else if (local == "rPh") {
    ++self->in_rph;
  } else if (local == "t" && self->in_si && !self->in_rph) {
    self->collect = true;
  }
}

void XMLCALL shared_end(void* data, const XML_Char* name) {
  auto* self = static_cast<SharedHandler*>(handler_of(data));
  if (self->halted()) return;
  const std::string_view local = local_name(name);
  if (local == "t") {
    self->collect = false;
  } else if (local == "rPh") {
    --self->in_rph;
  } else if (local == "si" && self->in_si) {
    --self->in_si;
    if (self->out->size() >= self->limits->max_shared_strings) {
      self->fail(Error::too_large("xlsx_too_many_strings",
                                  {{"max", std::to_string(self->limits->max_shared_strings)}}));
      return;
    }
    self->out->push_back(std::move(self->current));
    self->current.clear();
  }
}

void XMLCALL shared_text(void* data, const XML_Char* text, int length) {
  auto* self = static_cast<SharedHandler*>(handler_of(data));
  if (self->halted()) return;
  if (!self->collect) return;
  self->bytes += static_cast<uint64_t>(length);
  if (self->current.size() + static_cast<size_t>(length) > self->limits->max_cell_bytes ||
      self->bytes > self->limits->max_shared_string_bytes) {
    self->fail(Error::too_large("xlsx_strings_too_large"));
    return;
  }
  self->current.append(text, static_cast<size_t>(length));
}

// --- styles.xml: which cell styles show a date --------------------------------------------

bool builtin_date_format(int64_t id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

// A custom format shows a date when, outside quotes, brackets and escapes, it has d or y
// (m alone may be minutes).
bool custom_date_format(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c == '\\') {
      ++i;
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = std::max(0, bracket - 1);
    } else if (!bracket && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) {
      return true;
    } else if (c == ';') {
      break;  // the first section decides
    }
  }
  return false;
}

struct StylesHandler : Handler {
  std::map<int64_t, bool> custom;  // numFmtId -> shows a date
  std::vector<bool>* out = nullptr;
  bool in_cell_xfs = false;
};

void XMLCALL styles_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* self = static_cast<StylesHandler*>(handler_of(data));
  if (self->halted()) return;
  const std::string_view local = local_name(name);
  if (local == "numFmt") {
    const XML_Char* id = attribute(attributes, "numFmtId");
    const XML_Char* code = attribute(attributes, "formatCode");
    if (id && code) {
      if (auto n = parse_integer(id); n && self->custom.size() < 100000)
        self->custom[*n] = custom_date_format(code);
    }
  } else if (local == "cellXfs") {
    self->in_cell_xfs = true;
  } else if (local == "xf" && self->in_cell_xfs && self->out->size() < 1'000'000) {
    bool date = false;
    if (const XML_Char* id = attribute(attributes, "numFmtId")) {
      if (auto n = parse_integer(id)) {
        auto found = self->custom.find(*n);
        date = found != self->custom.end() ? found->second : builtin_date_format(*n);
      }
    }
    self->out->push_back(date);
  }
}

void XMLCALL styles_end(void* data, const XML_Char* name) {
  auto* self = static_cast<StylesHandler*>(handler_of(data));
  if (self->halted()) return;
  if (local_name(name) == "cellXfs") self->in_cell_xfs = false;
}

// --- a worksheet ----------------------------------------------------------------------------

// "B12" -> 1 (0-based column); -1 when not a cell reference.
int column_of(std::string_view reference) {
  int column = 0;
  size_t i = 0;
  for (; i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z'; ++i) {
    column = column * 26 + (reference[i] - 'A' + 1);
    if (column > 1'000'000) return -1;
  }
  if (i == 0) return -1;
  return column - 1;
}

std::string column_letters(int column) {
  std::string letters;
  for (int n = column + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

struct SheetHandler : Handler {
  const Reader::Impl* impl = nullptr;
  const RowCallback* on_row = nullptr;
  bool in_data = false;
  int64_t row = 0;  // the current row's number
  int64_t rows_read = 0;
  Row cells;
  bool row_has_cells = false;
  // The current cell.
  bool in_cell = false;
  int column = -1;
  std::string type;
  int64_t style = -1;
  std::string value;
  bool in_inline = false;
  int in_rph = 0;
  bool collect = false;

  std::string where() const { return column_letters(column) + std::to_string(row); }
};

void XMLCALL sheet_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* self = static_cast<SheetHandler*>(handler_of(data));
  if (self->halted()) return;
  const std::string_view local = local_name(name);
  if (local == "sheetData") {
    self->in_data = true;
  } else if (!self->in_data) {
    return;
  } else if (local == "row") {
    int64_t number = self->row + 1;
    if (const XML_Char* r = attribute(attributes, "r")) {
      auto n = parse_integer(r);
      if (!n || *n < 1 || *n > self->impl->limits.max_rows) {
        self->fail(Error::malformed("xlsx_row_number", {{"row", r}}));
        return;
      }
      number = *n;
    }
    self->row = number;
    for (CellValue& cell : self->cells) cell = CellValue();
    self->cells.clear();
    self->row_has_cells = false;
    self->column = -1;
  } else if (local == "c") {
    int column = self->column + 1;
    if (const XML_Char* r = attribute(attributes, "r")) column = column_of(r);
    if (column < 0 || column >= self->impl->limits.max_columns) {
      self->fail(Error::malformed("xlsx_cell_reference", {{"row", std::to_string(self->row)}}));
      return;
    }
    self->in_cell = true;
    self->column = column;
    const XML_Char* t = attribute(attributes, "t");
    self->type = t ? t : "n";
    self->style = -1;
    if (const XML_Char* s = attribute(attributes, "s")) self->style = parse_integer(s).value_or(-1);
    self->value.clear();
  } else if (!self->in_cell) {
    return;
  } else if (local == "v") {
    self->collect = true;
  } else if (local == "is") {
    self->in_inline = true;
  } else if (local == "rPh") {
    ++self->in_rph;
  } else if (local == "t" && self->in_inline && !self->in_rph) {
    self->collect = true;
  }
}

void finish_cell(SheetHandler* self) {
  CellValue cell;
  const std::string& type = self->type;
  if (type == "s") {
    const auto index = parse_integer(self->value);
    if (!index || *index < 0 || static_cast<uint64_t>(*index) >= self->impl->shared.size()) {
      self->fail(Error::malformed("xlsx_shared_string_index", {{"cell", self->where()}}));
      return;
    }
    cell.type = CellValue::Type::kText;
    cell.text = self->impl->shared[static_cast<size_t>(*index)];
  } else if (type == "inlineStr" || type == "str" || type == "d") {
    cell.type = CellValue::Type::kText;
    cell.text = self->value;
  } else if (type == "b") {
    cell.type = CellValue::Type::kBool;
    cell.number = self->value == "1" ? 1 : 0;
    cell.text = self->value;
  } else if (type == "e") {
    cell.type = CellValue::Type::kError;
    cell.text = self->value;
  } else if (!self->value.empty()) {
    double number = 0;
    const char* first = self->value.data();
    const char* last = first + self->value.size();
    const auto [end, ec] = std::from_chars(first, last, number);
    if (ec != std::errc() || end != last || !std::isfinite(number)) {
      self->fail(Error::malformed("xlsx_number", {{"cell", self->where()}}));
      return;
    }
    cell.type = CellValue::Type::kNumber;
    cell.number = number;
  }
  if (cell.type == CellValue::Type::kEmpty) return;
  if (self->style >= 0 && static_cast<size_t>(self->style) < self->impl->date_xf.size())
    cell.date_style = self->impl->date_xf[static_cast<size_t>(self->style)];
  const auto column = static_cast<size_t>(self->column);
  if (self->cells.size() <= column) self->cells.resize(column + 1);
  self->cells[column] = std::move(cell);
  self->row_has_cells = true;
}

void XMLCALL sheet_end(void* data, const XML_Char* name) {
  auto* self = static_cast<SheetHandler*>(handler_of(data));
  if (self->halted()) return;
  const std::string_view local = local_name(name);
  if (!self->in_data) return;
  if (local == "v" || local == "t") {
    self->collect = false;
  } else if (local == "is") {
    self->in_inline = false;
  } else if (local == "rPh") {
    --self->in_rph;
  } else if (local == "c" && self->in_cell) {
    self->in_cell = false;
    self->collect = false;
    finish_cell(self);
  } else if (local == "row") {
    if (++self->rows_read > self->impl->limits.max_rows) {
      self->fail(Error::too_large("xlsx_too_many_rows",
                                  {{"max", std::to_string(self->impl->limits.max_rows)}}));
      return;
    }
    if (self->row_has_cells && !(*self->on_row)(self->row, self->cells)) {
      self->stopped = true;
      XML_StopParser(self->parser, XML_FALSE);
    }
  } else if (local == "sheetData") {
    self->in_data = false;
  }
}

void XMLCALL sheet_text(void* data, const XML_Char* text, int length) {
  auto* self = static_cast<SheetHandler*>(handler_of(data));
  if (self->halted()) return;
  if (!self->collect) return;
  if (self->value.size() + static_cast<size_t>(length) > self->impl->limits.max_cell_bytes) {
    self->fail(Error::too_large("xlsx_cell_too_large", {{"cell", self->where()}}));
    return;
  }
  self->value.append(text, static_cast<size_t>(length));
}

}  // namespace xlsx_reader_detail

using namespace xlsx_reader_detail;

Reader::Reader() : impl_(std::make_unique<Impl>()) {}
Reader::Reader(Reader&&) noexcept = default;
Reader& Reader::operator=(Reader&&) noexcept = default;
Reader::~Reader() = default;

const std::vector<std::string>& Reader::sheet_names() const { return impl_->names; }
bool Reader::date1904() const { return impl_->date1904; }

Result<Reader> Reader::open_bytes(std::string_view bytes, ReaderLimits limits) {
  Reader reader;
  reader.impl_->limits = limits;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) return Error::malformed("xlsx_not_zip");
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(source);
    return Error::malformed("xlsx_not_zip");
  }
  reader.impl_->archive = archive;  // owns the source now
  return reader.load();
}

Result<Reader> Reader::open_file(const std::string& path, ReaderLimits limits) {
  Reader reader;
  reader.impl_->limits = limits;
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (!archive) return Error::malformed("xlsx_not_zip");
  reader.impl_->archive = archive;
  return reader.load();
}

Result<Reader> Reader::load() {
  Impl& impl = *impl_;
  if (zip_get_num_entries(impl.archive, 0) <= 0) return Error::malformed("xlsx_not_zip");
  // The workbook part, from the package's relationships (xl/workbook.xml by default).
  std::string workbook = "xl/workbook.xml";
  if (part_exists(impl, "_rels/.rels")) {
    RelsHandler rels;
    if (Status read = parse_part(impl, "_rels/.rels", rels, rels_start, no_end, no_text); !read)
      return std::move(read).error();
    for (const Relationship& r : rels.items) {
      if (type_is(r.type, "/officeDocument")) workbook = resolve("", r.target);
    }
  }
  if (!part_exists(impl, workbook)) return Error::malformed("xlsx_no_workbook");
  WorkbookHandler book;
  if (Status read = parse_part(impl, workbook, book, workbook_start, no_end, no_text); !read)
    return std::move(read).error();
  impl.date1904 = book.date1904;
  std::map<std::string, std::string> targets;
  std::string shared_path, styles_path;
  const std::string rels_path = rels_path_of(workbook);
  if (part_exists(impl, rels_path)) {
    RelsHandler rels;
    if (Status read = parse_part(impl, rels_path, rels, rels_start, no_end, no_text); !read)
      return std::move(read).error();
    for (const Relationship& r : rels.items) {
      const std::string path = resolve(directory_of(workbook), r.target);
      targets[r.id] = path;
      if (type_is(r.type, "/sharedStrings")) shared_path = path;
      if (type_is(r.type, "/styles")) styles_path = path;
    }
  }
  for (const auto& [name, id] : book.sheets) {
    auto found = targets.find(id);
    impl.names.push_back(name);
    impl.sheet_paths.push_back(found == targets.end() ? std::string() : found->second);
  }
  if (!styles_path.empty() && part_exists(impl, styles_path)) {
    StylesHandler styles;
    styles.out = &impl.date_xf;
    if (Status read = parse_part(impl, styles_path, styles, styles_start, styles_end, no_text);
        !read)
      return std::move(read).error();
  }
  if (!shared_path.empty() && part_exists(impl, shared_path)) {
    SharedHandler shared;
    shared.out = &impl.shared;
    shared.limits = &impl.limits;
    if (Status read = parse_part(impl, shared_path, shared, shared_start, shared_end, shared_text);
        !read)
      return std::move(read).error();
  }
  return std::move(*this);
}

Status Reader::read_sheet(size_t index, const RowCallback& on_row) {
  if (index >= impl_->sheet_paths.size() || impl_->sheet_paths[index].empty() ||
      !part_exists(*impl_, impl_->sheet_paths[index]))
    return Error::malformed("xlsx_sheet_missing", {{"sheet", std::to_string(index + 1)}});
  SheetHandler sheet;
  sheet.impl = impl_.get();
  sheet.on_row = &on_row;
  return parse_part(*impl_, impl_->sheet_paths[index], sheet, sheet_start, sheet_end, sheet_text);
}

Status Reader::read_sheet(const std::string& name, const RowCallback& on_row) {
  for (size_t i = 0; i < impl_->names.size(); ++i) {
    if (impl_->names[i] == name) return read_sheet(i, on_row);
  }
  return Error::malformed("xlsx_sheet_missing", {{"sheet", name}});
}

std::optional<Date> excel_serial_date(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) return std::nullopt;
  const auto day = static_cast<int32_t>(std::floor(serial));
  const Date epoch1900 = *Date::from_ymd(1899, 12, 31);
  if (date1904) return Date::from_ymd(1904, 1, 1)->add_days(day);
  if (day < 1 || day == 60) return std::nullopt;  // "0 January 1900", "29 February 1900"
  return day < 60 ? epoch1900.add_days(day) : epoch1900.add_days(day - 1);
}

std::optional<Date> parse_text_date(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  // ISO, also with a time part ("2026-03-05T00:00:00" as the t="d" cells hold).
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    if (text.size() == 10) return Date::parse(text);
    if (text[10] == 'T' || text[10] == ' ') return Date::parse(text.substr(0, 10));
    return std::nullopt;
  }
  int parts[3] = {0, 0, 0};
  size_t digits[3] = {0, 0, 0};
  int part = 0;
  char separator = 0;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      if (++digits[part] > 4) return std::nullopt;
      parts[part] = parts[part] * 10 + (c - '0');
    } else if ((c == '/' || c == '-' || c == '.') && part < 2 && digits[part] > 0 &&
               (!separator || c == separator)) {
      separator = c;
      ++part;
    } else {
      return std::nullopt;
    }
  }
  if (part != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4) return std::nullopt;
  return Date::from_ymd(parts[2], parts[1], parts[0]);
}

std::optional<Date> cell_date(const CellValue& cell, bool date1904) {
  if (cell.type == CellValue::Type::kNumber) return excel_serial_date(cell.number, date1904);
  if (cell.type == CellValue::Type::kText) return parse_text_date(cell.text);
  return std::nullopt;
}

std::string cell_text(const CellValue& cell) {
  if (cell.type != CellValue::Type::kNumber) return cell.text;
  if (std::floor(cell.number) == cell.number && std::fabs(cell.number) < 1e15)
    return std::to_string(static_cast<int64_t>(cell.number));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", cell.number);
  return buffer;
}

}  // namespace chibo::io::xlsx
