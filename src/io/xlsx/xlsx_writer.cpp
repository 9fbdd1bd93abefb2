#include "io/xlsx/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace chibo::io::xlsx {

struct Writer::Impl {
  std::string path;
  std::string tmpdir;
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* sheet = nullptr;
  std::map<Style, lxw_format*> formats;
  bool closed = false;
};

namespace xlsx_writer_detail {

std::string temp_dir() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

// Excel refuses these in a sheet's name, and names longer than 31 characters.
std::string sheet_name_of(const std::string& name) {
  std::string clean;
  size_t chars = 0;
  for (size_t i = 0; i < name.size() && chars < 31;) {
    const unsigned char lead = static_cast<unsigned char>(name[i]);
    const size_t width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    std::string piece = name.substr(i, width);
    if (piece.size() == 1 && std::string("[]:*?/\\").find(piece[0]) != std::string::npos)
      piece = "-";
    clean += piece;
    i += width;
    ++chars;
  }
  if (clean.empty() || clean.front() == '\'' || clean.back() == '\'') clean = "Sheet";
  return clean;
}

lxw_format* make_format(lxw_workbook* workbook, Style style) {
  lxw_format* format = workbook_add_format(workbook);
  format_set_font_name(format, "Times New Roman");
  format_set_font_size(format, 12);
  const bool framed = style != Style::kTitle && style != Style::kSubtitle && style != Style::kNote;
  if (framed) format_set_border(format, LXW_BORDER_THIN);
  format_set_align(format, LXW_ALIGN_VERTICAL_CENTER);
  switch (style) {
    case Style::kTitle:
      format_set_bold(format);
      format_set_font_size(format, 14);
      format_set_align(format, LXW_ALIGN_CENTER);
      break;
    case Style::kSubtitle:
      format_set_bold(format);
      format_set_align(format, LXW_ALIGN_CENTER);
      break;
    case Style::kNote:
      format_set_italic(format);
      break;
    case Style::kHeader:
      format_set_bold(format);
      format_set_align(format, LXW_ALIGN_CENTER);
      format_set_text_wrap(format);
      format_set_bg_color(format, 0xE7E6E6);
      break;
    case Style::kNumber:
      format_set_num_format(format, "#,##0");
      break;
    case Style::kDate:
      format_set_num_format(format, "dd/mm/yyyy");
      format_set_align(format, LXW_ALIGN_CENTER);
      break;
    case Style::kTotalLabel:
      format_set_bold(format);
      break;
    case Style::kTotalNumber:
      format_set_bold(format);
      format_set_num_format(format, "#,##0");
      break;
    case Style::kText:
      format_set_text_wrap(format);
      break;
  }
  return format;
}

}  // namespace xlsx_writer_detail

Result<std::unique_ptr<Writer>> Writer::create(bool constant_memory) {
  std::unique_ptr<Writer> writer(new Writer());
  writer->impl_ = std::make_unique<Impl>();
  Impl& impl = *writer->impl_;
  impl.tmpdir = xlsx_writer_detail::temp_dir();
  std::string pattern = impl.tmpdir + "/chibo-xlsx-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return Error::internal("xlsx: no temporary file");
  close(fd);
  impl.path = pattern;
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = impl.tmpdir.data();
  impl.workbook = workbook_new_opt(impl.path.c_str(), &options);
  if (!impl.workbook) return Error::internal("xlsx: workbook_new failed");
  for (Style style : {Style::kText, Style::kTitle, Style::kSubtitle, Style::kNote, Style::kHeader,
                      Style::kNumber, Style::kDate, Style::kTotalLabel, Style::kTotalNumber}) {
    impl.formats[style] = xlsx_writer_detail::make_format(impl.workbook, style);
  }
  return writer;
}

Writer::~Writer() {
  if (!impl_) return;
  // An unfinished workbook is still closed (libxlsxwriter frees it there), then removed.
  if (!impl_->closed && impl_->workbook) workbook_close(impl_->workbook);
  std::remove(impl_->path.c_str());
}

void Writer::add_sheet(const std::string& name, const std::vector<double>& widths) {
  const std::string clean = xlsx_writer_detail::sheet_name_of(name);
  impl_->sheet = workbook_add_worksheet(impl_->workbook, clean.c_str());
  if (!impl_->sheet) impl_->sheet = workbook_add_worksheet(impl_->workbook, nullptr);
  row_ = 0;
  columns_ = widths.empty() ? 1 : static_cast<int>(widths.size());
  for (size_t i = 0; i < widths.size(); ++i) {
    const auto column = static_cast<lxw_col_t>(i);
    worksheet_set_column(impl_->sheet, column, column, widths[i], nullptr);
  }
  worksheet_set_landscape(impl_->sheet);
  worksheet_set_paper(impl_->sheet, 9);  // A4
  worksheet_fit_to_pages(impl_->sheet, 1, 0);
}

void Writer::title(const std::string& text, Style style) {
  lxw_format* format = impl_->formats.at(style);
  const auto row = static_cast<lxw_row_t>(row_);
  if (columns_ > 1) {
    worksheet_merge_range(impl_->sheet, row, 0, row, static_cast<lxw_col_t>(columns_ - 1),
                          text.c_str(), format);
  } else {
    worksheet_write_string(impl_->sheet, row, 0, text.c_str(), format);
  }
  ++row_;
}

void Writer::blank_row() { ++row_; }

void Writer::row(const std::vector<Cell>& cells) {
  const auto row = static_cast<lxw_row_t>(row_);
  for (size_t i = 0; i < cells.size(); ++i) {
    const Cell& cell = cells[i];
    const auto column = static_cast<lxw_col_t>(i);
    lxw_format* format = impl_->formats.at(cell.style);
    switch (cell.kind) {
      case Cell::Kind::kEmpty:
        worksheet_write_blank(impl_->sheet, row, column, format);
        break;
      case Cell::Kind::kText:
        // Written as a string, never a formula: "=..." stays text.
        worksheet_write_string(impl_->sheet, row, column, cell.text.c_str(), format);
        break;
      case Cell::Kind::kNumber:
        worksheet_write_number(impl_->sheet, row, column, cell.number, format);
        break;
      case Cell::Kind::kDate: {
        lxw_datetime when = {cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0};
        worksheet_write_datetime(impl_->sheet, row, column, &when, format);
        break;
      }
    }
  }
  ++row_;
}

Result<std::string> Writer::finish() {
  if (impl_->closed) return Error::internal("xlsx: finished twice");
  impl_->closed = true;
  const lxw_error closed = workbook_close(impl_->workbook);
  impl_->workbook = nullptr;
  if (closed != LXW_NO_ERROR) return Error::internal(std::string("xlsx: ") + lxw_strerror(closed));
  std::ifstream in(impl_->path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Error::internal("xlsx: cannot read the workbook back");
  return bytes.str();
}

}  // namespace chibo::io::xlsx
