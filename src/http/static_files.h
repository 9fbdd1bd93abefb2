// The web UI's built files (web/dist), read into memory at start-up (text files also
// gzip-compressed once, for clients that accept it) and served with the right type and
// caching: hashed assets for a year, index.html never cached. Unknown paths without
// a file extension get index.html, so the UI's client-side routes can be bookmarked.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "http/message.h"

namespace chibo::http {

class StaticFiles {
 public:
  // Loads every file under `root`; an empty or missing root serves a short notice instead.
  explicit StaticFiles(const std::string& root);
  size_t file_count() const { return files_.size(); }
  HttpResponse serve(const HttpRequest& request) const;

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string gzipped;  // the body gzip-compressed when that is smaller (text types)
    bool immutable = false;
  };
  std::map<std::string, File> files_;  // "/assets/index-abc.js" -> file
};

}  // namespace chibo::http
