#include "http/static_files.h"

#include <zlib.h>

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

bool is_compressible(const std::string& content_type) {
  return content_type.rfind("text/", 0) == 0 || content_type == "application/json" ||
         content_type == "image/svg+xml";
}

// gzip (RFC 1952) of `data` at the best level, or "" if zlib fails.
std::string gzip(const std::string& data) {
  z_stream stream{};
  constexpr int kGzipWindowBits = 15 + 16;
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 9,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    return {};
  }
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return result == Z_STREAM_END ? out : std::string();
}

bool accepts_gzip(std::string_view accept_encoding) {
  return accept_encoding.find("gzip") != std::string_view::npos;
}

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
    if (is_compressible(file.content_type) && file.body.size() > 512) {
      std::string compressed = gzip(file.body);
      if (!compressed.empty() && compressed.size() < file.body.size())
        file.gzipped = std::move(compressed);
    }
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
  if (!file.gzipped.empty()) {
    response.with_header("Vary", "Accept-Encoding");
    if (accepts_gzip(request.header("accept-encoding"))) {
      response.body = file.gzipped;
      response.with_header("Content-Encoding", "gzip");
    } else {
      response.body = file.body;
    }
  } else {
    response.body = file.body;
  }
  response.with_header("Cache-Control",
                       file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (file.content_type.rfind("text/html", 0) == 0)
    response.with_header("Content-Security-Policy", kHtmlPolicy);
  return response;
}

}  // namespace chibo::http
