#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace chibo::http {

namespace {

std::string content_type_of(const std::string& extension) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"}};
  const auto found = types.find(extension);
  return found == types.end() ? "application/octet-stream" : found->second;
}

const char* const kHtmlPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code error;
  if (root.empty() || !std::filesystem::is_directory(root, error)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, error)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::string relative =
        "/" + std::filesystem::relative(entry.path(), root).generic_string();
    File file;
    file.content_type = content_type_of(entry.path().extension().string());
    file.body = content.str();
    // Vite puts content-hashed names under /assets/.
    file.immutable = relative.rfind("/assets/", 0) == 0;
    files_[relative] = std::move(file);
  }
}

HttpResponse StaticFiles::serve(const HttpRequest& request) const {
  HttpResponse response;
  if (request.method != "GET" && request.method != "HEAD") {
    response.status = 405;
    response.content_type = "text/plain; charset=utf-8";
    response.body = "Method Not Allowed\n";
    return response.with_header("Allow", "GET, HEAD");
  }
  std::string path = request.path;
  if (path == "/") path = "/index.html";
  auto found = files_.find(path);
  if (found == files_.end()) {
    const std::string last = path.substr(path.rfind('/') + 1);
    if (last.find('.') == std::string::npos) found = files_.find("/index.html");
  }
  if (found == files_.end()) {
    response.status = 404;
    response.content_type = "text/plain; charset=utf-8";
    response.body = files_.empty() ? "The web UI is not built (run `make web`).\n" : "Not Found\n";
    return response;
  }
  const File& file = found->second;
  response.content_type = file.content_type;
  response.body = file.body;
  response.with_header("Cache-Control",
                       file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (file.content_type.rfind("text/html", 0) == 0)
    response.with_header("Content-Security-Policy", kHtmlPolicy);
  return response;
}

}  // namespace chibo::http
