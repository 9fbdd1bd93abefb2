// The web UI's files as served: the page's Content Security Policy (scripts only from chibo
// itself, never framed), caching, the client-side routes, and what is refused.
#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace chibo::http {
namespace static_files_test {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("chibo-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(root_ / "assets");
    write("index.html", "<!doctype html><script type=module src=/assets/app-1a2b.js></script>");
    write("assets/app-1a2b.js", std::string(4096, 'x'));
    write("favicon.svg", "<svg/>");
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& relative, const std::string& content) {
    std::ofstream(root_ / relative, std::ios::binary) << content;
  }

  HttpResponse get(const std::string& path, const std::string& method = "GET") {
    StaticFiles files(root_.string());
    HttpRequest request;
    request.method = method;
    request.path = path;
    return files.serve(request);
  }

  static std::string header(const HttpResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers)
      if (key == name) return value;
    return "";
  }

  fs::path root_;
};

TEST_F(StaticFilesTest, ThePageAllowsScriptsOnlyFromChiboAndIsNeverFramed) {
  const HttpResponse page = get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  const std::string policy = header(page, "Content-Security-Policy");
  EXPECT_NE(policy.find("default-src 'self'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("object-src 'none'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("base-uri 'none'"), std::string::npos) << policy;
  // No script-src of its own: scripts fall under default-src 'self', so no inline script and
  // no eval run. (Inline styles stay allowed for the component library: docs/security.md gap 13.)
  EXPECT_EQ(policy.find("script-src"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos) << policy;
  EXPECT_EQ(header(page, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, HashedAssetsAreCachedForAYearAndCompressedForThoseWhoAccept) {
  const HttpResponse plain = get("/assets/app-1a2b.js");
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(header(plain, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(plain.body.size(), 4096u);
  EXPECT_EQ(header(plain, "Content-Security-Policy"), "");  // a policy is the page's
  StaticFiles files(root_.string());
  HttpRequest request;
  request.method = "GET";
  request.path = "/assets/app-1a2b.js";
  request.headers.emplace_back("accept-encoding", "gzip, br");
  const HttpResponse gzipped = files.serve(request);
  EXPECT_EQ(header(gzipped, "Content-Encoding"), "gzip");
  EXPECT_LT(gzipped.body.size(), 200u);
}

TEST_F(StaticFilesTest, ClientRoutesGetThePageAndMissingFilesAreNotFound) {
  const HttpResponse route = get("/members/12");
  EXPECT_EQ(route.status, 200);
  EXPECT_NE(route.body.find("<!doctype html>"), std::string::npos);
  EXPECT_NE(header(route, "Content-Security-Policy"), "");
  EXPECT_EQ(get("/assets/missing-9z.js").status, 404);
  // Files are served from memory, loaded at start: a climbing path reaches no file on disk.
  EXPECT_EQ(get("/../../etc/passwd").body.find("root:"), std::string::npos);
  EXPECT_EQ(get("/../../etc/hostname.txt").status, 404);
  const HttpResponse post = get("/", "POST");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(header(post, "Allow"), "GET, HEAD");
}

}  // namespace static_files_test
}  // namespace chibo::http
