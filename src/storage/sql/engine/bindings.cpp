#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

std::string Bindings::text(std::string value) {
  texts_.push_back(std::move(value));
  entries_.push_back({true, texts_.size() - 1, "p" + std::to_string(entries_.size() + 1)});
  return ":" + entries_.back().name;
}

std::string Bindings::number(long long value) {
  numbers_.push_back(value);
  entries_.push_back({false, numbers_.size() - 1, "p" + std::to_string(entries_.size() + 1)});
  return ":" + entries_.back().name;
}

std::string Bindings::text_list(const std::vector<std::string>& values) {
  std::string list = "(";
  for (size_t index = 0; index < values.size(); ++index) {
    if (index) list += ", ";
    list += text(values[index]);
  }
  return list + ")";
}

std::string Bindings::number_list(const std::vector<long long>& values) {
  // Integers are written into the SQL text: they cannot carry SQL, and binding a hundred named
  // parameters costs SQLite a name lookup each (quadratic in the list's length).
  std::string list = "(";
  for (size_t index = 0; index < values.size(); ++index) {
    if (index) list += ", ";
    list += std::to_string(values[index]);
  }
  return list + ")";
}

void Bindings::attach(soci::statement& statement) {
  for (const Entry& entry : entries_) {
    if (entry.is_text) {
      statement.exchange(soci::use(texts_[entry.index], entry.name));
    } else {
      statement.exchange(soci::use(numbers_[entry.index], entry.name));
    }
  }
}

}  // namespace chibo::storage
