#include "http/json_body.h"

#include <gtest/gtest.h>

#include "http/problem.h"

namespace chibo::http {
namespace {

HttpRequest post(std::string body, std::string type = "application/json") {
  HttpRequest request;
  request.method = "POST";
  request.path = "/api/v1/members";
  request.body = std::move(body);
  request.headers = {{"content-type", std::move(type)}};
  return request;
}

TEST(JsonBody, AcceptsAnObject) {
  auto body = read_json_object(
      post(R"({"full_name": "Nguyễn Văn An"})", "application/json; charset=utf-8"));
  ASSERT_TRUE(body);
  EXPECT_EQ((*body)["full_name"], "Nguyễn Văn An");
}

TEST(JsonBody, RefusesWhatIsNotAJsonObject) {
  EXPECT_EQ(read_json_object(post("{\"a\":")).error().reason, "malformed_json");
  EXPECT_EQ(read_json_object(post("[1,2]")).error().reason, "body_not_object");
  EXPECT_EQ(read_json_object(post("{}", "text/plain")).error().reason, "unsupported_media_type");
  EXPECT_EQ(read_json_object(post(std::string(kMaxBodyBytes + 1, ' '))).error().code,
            ErrorCode::kTooLarge);
}

// Found by fuzz/json_fuzz.cpp (fuzz/regressions/json/): the parser's out_of_range for a number
// beyond a double escaped the decoder.
TEST(JsonBody, ANumberBeyondADoubleIsMalformedNotAnEscapedException) {
  auto body = read_json_object(post(R"({"amount": 1e400})"));
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().reason, "malformed_json");
}

TEST(JsonBody, NamesTheFieldHoldingInvalidUtf8) {
  auto body = read_json_object(post("{\"full_name\": \"An\xC3\x28\", \"phone\": \"0912345678\"}"));
  ASSERT_FALSE(body);
  ASSERT_EQ(body.error().fields.size(), 1u);
  EXPECT_EQ(body.error().fields[0].field, "full_name");
  EXPECT_EQ(body.error().fields[0].code, "invalid_utf8");
}

TEST(JsonBody, RefusesAKeyGivenTwice) {
  auto body =
      read_json_object(post(R"({"full_name": "A", "nested": {"x": 1, "x": 2}, "full_name": "B"})"));
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().reason, "duplicate_key");
  EXPECT_EQ(body.error().fields[0].field, "x");
  // The same key in two different objects is fine.
  EXPECT_TRUE(read_json_object(post(R"({"a": {"x": 1}, "b": {"x": 2}})")));
  // An empty body reads as {} where every field is optional.
  EXPECT_TRUE(read_json_object(post("", ""), true));
  EXPECT_FALSE(read_json_object(post("", "")));
}

TEST(JsonFields, TypesAndUnknownFields) {
  const nlohmann::json object = nlohmann::json::parse(
      R"({"full_name": 12, "phone": null, "aliases": ["Ba", "Tư"], "org_id": 7, "version": "3", "shoe": 1})");
  JsonFields fields(object);
  EXPECT_FALSE(fields.text("full_name"));
  auto phone = fields.text("phone");
  ASSERT_TRUE(phone);
  EXPECT_FALSE(*phone);
  EXPECT_EQ(**fields.string_list("aliases"), "Ba;Tư");
  EXPECT_EQ(**fields.text_or_number("org_id"), "7");
  EXPECT_FALSE(fields.integer("version", true));
  const auto errors = fields.finish();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "full_name");
  EXPECT_EQ(errors[0].code, "wrong_type");
  EXPECT_EQ(errors[1].field, "version");
  EXPECT_EQ(errors[2].field, "shoe");
  EXPECT_EQ(errors[2].code, "unknown_field");
}

TEST(Problem, StatusesAndLocalizedMessages) {
  HttpRequest request = post("{}");
  request.request_id = "r-1";
  const Error error = Error::invalid({{"citizen_id", "cccd_format", {}}});
  HttpResponse vi = problem_response(error, request);
  EXPECT_EQ(vi.status, 422);
  EXPECT_EQ(vi.content_type, "application/problem+json");
  auto body = nlohmann::json::parse(vi.body);
  EXPECT_EQ(body["code"], "validation_failed");
  EXPECT_EQ(body["errors"][0]["field"], "citizen_id");
  EXPECT_EQ(body["errors"][0]["message"], "Số CCCD: phải gồm đúng 12 chữ số");
  EXPECT_EQ(body["request_id"], "r-1");
  request.headers.push_back({"accept-language", "en-US,en;q=0.9"});
  body = nlohmann::json::parse(problem_response(error, request).body);
  EXPECT_EQ(body["errors"][0]["message"], "Citizen ID: must be exactly 12 digits");
  EXPECT_EQ(http_status(Error::stale_version()), 409);
  EXPECT_EQ(http_status(Error::malformed("malformed_json")), 400);
  EXPECT_EQ(http_status(Error::unavailable("database_busy")), 503);
  // Internal errors never leak their reason.
  body = nlohmann::json::parse(problem_response(Error::internal("secret detail"), request).body);
  EXPECT_EQ(body["code"], "internal");
}

}  // namespace
}  // namespace chibo::http
