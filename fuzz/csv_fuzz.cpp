// libFuzzer: the CSV reader (members import, chibo import) on any bytes. Property beyond "no
// crash, no sanitizer report": a record the reader returns, written back by CsvWriter after a
// byte order mark (as the exports do, so a first cell that itself starts with U+FEFF survives)
// and read again, gives the same cells (after the importer's unguarding of formula-like cells).
// A record of one empty cell is a blank line, which readers skip: left out of the property.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "io/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  chibo::io::CsvReader reader(in);
  std::vector<std::string> fields;
  for (int records = 0; records < 10000 && reader.next(fields); ++records) {
    if (fields.size() == 1 && fields[0].empty()) continue;
    std::ostringstream out;
    out << "\xEF\xBB\xBF";
    chibo::io::CsvWriter writer(out);
    writer.write(fields);
    std::istringstream again(out.str());
    chibo::io::CsvReader reread(again);
    std::vector<std::string> back;
    if (!reread.next(back) || back.size() != fields.size()) std::abort();
    for (size_t i = 0; i < back.size(); ++i) {
      if (chibo::io::unguard_cell(back[i]) != chibo::io::unguard_cell(fields[i])) std::abort();
    }
  }
  return 0;
}
