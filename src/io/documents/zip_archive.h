// In-memory ZIP archives on libzip: what a DOCX package is made of.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace chibo::io {

struct ZipEntry {
  std::string name;  // path inside the archive, "word/document.xml"
  std::string data;
};

// The archive's bytes, entries in the given order, deflated. Fails (internal) only when libzip
// does.
Result<std::string> write_zip(const std::vector<ZipEntry>& entries);

// Every entry of an archive, by name. Fails (malformed "zip_unreadable") on bytes that are not a
// ZIP archive.
Result<std::map<std::string, std::string>> read_zip(std::string_view archive);

}  // namespace chibo::io
