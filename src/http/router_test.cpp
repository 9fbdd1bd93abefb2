#include "http/router.h"

#include <gtest/gtest.h>

#include "http/query_params.h"

namespace chibo::http {
namespace {

HttpResponse reply(int status) {
  HttpResponse response;
  response.status = status;
  return response;
}

TEST(Router, MatchesLiteralsBeforeParametersAndFillsThem) {
  Router router;
  router.add("GET", "/api/v1/orgs/search", [](HttpRequest&) { return reply(201); });
  router.add("GET", "/api/v1/orgs/{id}", [](HttpRequest&) { return reply(202); });
  router.add("PATCH", "/api/v1/orgs/{id}", [](HttpRequest&) { return reply(203); });
  HttpRequest request;
  request.method = "GET";
  request.path = "/api/v1/orgs/search";
  auto match = router.match(request);
  ASSERT_EQ(match.outcome, Router::Outcome::kMatched);
  EXPECT_EQ((*match.handler)(request).status, 201);
  request.path = "/api/v1/orgs/42/";
  match = router.match(request);
  ASSERT_EQ(match.outcome, Router::Outcome::kMatched);
  EXPECT_EQ(request.path_params["id"], "42");
  request.method = "DELETE";
  match = router.match(request);
  EXPECT_EQ(match.outcome, Router::Outcome::kWrongMethod);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "PATCH"}));
  request.path = "/api/v1/nothing";
  EXPECT_EQ(router.match(request).outcome, Router::Outcome::kNoPath);
}

TEST(QueryParams, DecodesListsAndReportsBadOrUnknownParameters) {
  QueryParams params(
      "q=nguy%E1%BB%85n+van&status=official,probationary&status=exempted&page=x&extra=1&age_min="
      "300");
  EXPECT_EQ(params.text("q"), "nguyễn van");
  EXPECT_EQ(params.list("status"),
            (std::vector<std::string>{"official", "probationary", "exempted"}));
  EXPECT_FALSE(params.integer("page", 1, 10));
  EXPECT_FALSE(params.integer("age_min", 0, 200));
  const auto errors = params.finish();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "page");
  EXPECT_EQ(errors[0].code, "wrong_type");
  EXPECT_EQ(errors[1].field, "age_min");
  EXPECT_EQ(errors[1].code, "out_of_range");
  EXPECT_EQ(errors[2].field, "extra");
  EXPECT_EQ(errors[2].code, "unknown_parameter");
}

TEST(QueryParams, RefusesBadEscapesAndBadUtf8) {
  QueryParams params("q=%ZZ&name=%C3%28");
  (void)params.text("q");
  (void)params.text("name");
  const auto errors = params.finish();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].code, "malformed_escape");
  EXPECT_EQ(errors[1].code, "invalid_utf8");
  EXPECT_EQ(percent_decode("%41%2b+"), "A+ ");
  EXPECT_FALSE(percent_decode("%4"));
}

}  // namespace
}  // namespace chibo::http
