#include "http/json_writer.h"

#include <cstdio>

#include "text/clean.h"

namespace chibo::http {

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_.push_back('{');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_.push_back('}');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_.push_back('[');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_.push_back(']');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  write_escaped(name);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  before_value();
  write_escaped(text);
  return *this;
}

JsonWriter& JsonWriter::number(long long value) {
  before_value();
  out_ += std::to_string(value);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::string_or_null(std::string_view text) {
  return text.empty() ? null() : string(text);
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_.append(json);
  return *this;
}

void JsonWriter::write_escaped(std::string_view text) {
  if (!text::is_valid_utf8(text)) {
    // Replace each byte that does not start a valid sequence with U+FFFD.
    std::string repaired;
    size_t index = 0;
    while (index < text.size()) {
      size_t length = 1;
      const auto byte = static_cast<unsigned char>(text[index]);
      if (byte >= 0xF0) {
        length = 4;
      } else if (byte >= 0xE0) {
        length = 3;
      } else if (byte >= 0xC0) {
        length = 2;
      }
      if (index + length <= text.size() && text::is_valid_utf8(text.substr(index, length))) {
        repaired.append(text.substr(index, length));
        index += length;
      } else {
        repaired += "\xEF\xBF\xBD";
        ++index;
      }
    }
    write_escaped(repaired);
    return;
  }
  out_.push_back('"');
  // Copy runs of characters that need no escape in one append.
  size_t run = 0;
  for (size_t index = 0; index < text.size(); ++index) {
    const auto c = static_cast<unsigned char>(text[index]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text.data() + run, index - run);
    run = index + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default: {
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\u%04x", c);
        out_ += escape;
      }
    }
  }
  out_.append(text.data() + run, text.size() - run);
  out_.push_back('"');
}
}  // namespace chibo::http
