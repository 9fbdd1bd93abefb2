// A streaming JSON writer for the hot responses (member lists): building an nlohmann DOM cost
// more than the search itself (an allocation per key and value, then a second pass to
// serialize). Output is RFC 8259 JSON; strings are escaped, and any invalid UTF-8 that reached
// the database behind chibo's back comes out as U+FFFD rather than as broken JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chibo::http {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The next member's name, inside an object.
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view text);
  JsonWriter& number(long long value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // A string, or null when empty.
  JsonWriter& string_or_null(std::string_view text);
  // Pre-serialized JSON, inserted as one value.
  JsonWriter& raw(std::string_view json);

 private:
  void before_value();
  void write_escaped(std::string_view text);

  std::string& out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace chibo::http
