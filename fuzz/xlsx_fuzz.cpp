// libFuzzer: the streaming XLSX reader (dues payments and members imports) on any bytes, with
// small limits so a fuzzed zip bomb is refused quickly. No crash, hang or sanitizer report; a
// hostile file is an error value.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/xlsx/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace chibo::io::xlsx;
  ReaderLimits limits;
  limits.max_part_bytes = 4u << 20;
  limits.max_shared_strings = 10000;
  limits.max_shared_string_bytes = 1u << 20;
  limits.max_rows = 10000;
  auto reader =
      Reader::open_bytes(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  if (!reader) return 0;
  for (size_t sheet = 0; sheet < reader->sheet_names().size(); ++sheet) {
    (void)reader->read_sheet(sheet, [&](int64_t, const Row& cells) {
      for (const CellValue& cell : cells) {
        (void)cell_text(cell);
        (void)cell_date(cell, reader->date1904());
      }
      return true;
    });
  }
  return 0;
}
