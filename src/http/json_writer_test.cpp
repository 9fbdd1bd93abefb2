#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace chibo::http {
namespace {

TEST(JsonWriter, WritesNestedValuesWithCommas) {
  std::string out;
  JsonWriter json(out);
  json.begin_object()
      .key("a")
      .number(1)
      .key("b")
      .begin_array()
      .string("x")
      .null()
      .boolean(true)
      .end_array();
  json.key("c").begin_object().end_object().key("d").string_or_null("").end_object();
  EXPECT_EQ(out, R"({"a":1,"b":["x",null,true],"c":{},"d":null})");
}

TEST(JsonWriter, EscapesWhatJsonRequires) {
  std::string out;
  JsonWriter json(out);
  json.string("Đặng \"Bình\"\\\n\t\x01");
  EXPECT_EQ(out, "\"Đặng \\\"Bình\\\"\\\\\\n\\t\\u0001\"");
  EXPECT_EQ(nlohmann::json::parse(out), "Đặng \"Bình\"\\\n\t\x01");
}

TEST(JsonWriter, ReplacesInvalidUtf8SoTheDocumentStaysValid) {
  std::string out;
  JsonWriter json(out);
  json.begin_array().string("An\xC3\x28").end_array();
  const nlohmann::json parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed[0], "An\xEF\xBF\xBD(");
}

}  // namespace
}  // namespace chibo::http
