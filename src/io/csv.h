// CSV as RFC 4180 writes it (quotes, doubled quotes, CR LF or LF), UTF-8 with an optional BOM.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace chibo::io {

class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}
  // Reads the next record into `fields`; false at end of input. A quote left open at the end
  // of the input sets error() and returns false.
  bool next(std::vector<std::string>& fields);
  // The line where the last record returned began (1-based).
  long long record_line() const { return record_line_; }
  bool error() const { return error_; }
  // Bytes consumed so far (for progress lines).
  long long bytes_read() const { return bytes_; }

 private:
  int get();
  std::istream& in_;
  long long line_ = 1;
  long long record_line_ = 0;
  long long bytes_ = 0;
  bool error_ = false;
  bool started_ = false;
};

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  // Writes one record, quoting where needed. Cells that a spreadsheet would run as a formula
  // (starting with = + - @ or a tab) get a leading apostrophe (OWASP CSV injection advice);
  // the importer removes it again.
  void write(const std::vector<std::string>& fields);

 private:
  std::ostream& out_;
};

// Undoes the writer's formula guard: "'=x" -> "=x".
std::string unguard_cell(const std::string& cell);

}  // namespace chibo::io
