#include "io/csv.h"

namespace chibo::io {

namespace {

bool is_formula_start(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

int CsvReader::get() {
  const int c = in_.get();
  if (c != EOF) ++bytes_;
  return c;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  if (!started_) {
    started_ = true;
    // Skip a UTF-8 byte order mark (Excel writes one).
    if (in_.peek() == 0xEF) {
      char bom[3];
      in_.read(bom, 3);
      if (in_.gcount() == 3 && static_cast<unsigned char>(bom[1]) == 0xBB &&
          static_cast<unsigned char>(bom[2]) == 0xBF) {
        bytes_ += 3;
      } else {
        in_.clear();
        in_.seekg(0);
      }
    }
  }
  int c = get();
  // Skip empty lines between records.
  while (c == '\n' || c == '\r') {
    if (c == '\n') ++line_;
    c = get();
  }
  if (c == EOF) return false;
  record_line_ = line_;
  std::string field;
  bool quoted = false;
  bool after_quote = false;
  while (true) {
    if (quoted) {
      if (c == EOF) {
        error_ = true;
        return false;
      }
      if (c == '"') {
        if (in_.peek() == '"') {
          get();
          field.push_back('"');
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line_;
        field.push_back(static_cast<char>(c));
      }
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (c == '\n' || c == EOF) {
      if (c == '\n') ++line_;
      if (!field.empty() && field.back() == '\r' && !after_quote) field.pop_back();
      fields.push_back(std::move(field));
      return true;
    } else if (c == '\r' && after_quote) {
      // CR of a CR LF after a closing quote.
    } else if (c == '"' && field.empty() && !after_quote) {
      quoted = true;
    } else {
      field.push_back(static_cast<char>(c));
    }
    c = get();
  }
}

void CsvWriter::write(const std::vector<std::string>& fields) {
  for (size_t index = 0; index < fields.size(); ++index) {
    if (index) out_ << ',';
    std::string cell = fields[index];
    if (!cell.empty() && is_formula_start(cell.front())) cell.insert(cell.begin(), '\'');
    const bool needs_quotes = cell.find_first_of(",\"\r\n") != std::string::npos ||
                              (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
    if (!needs_quotes) {
      out_ << cell;
      continue;
    }
    out_ << '"';
    for (char c : cell) {
      if (c == '"') out_ << '"';
      out_ << c;
    }
    out_ << '"';
  }
  out_ << "\r\n";
}

std::string unguard_cell(const std::string& cell) {
  if (cell.size() >= 2 && cell.front() == '\'' && is_formula_start(cell[1])) return cell.substr(1);
  return cell;
}

}  // namespace chibo::io
