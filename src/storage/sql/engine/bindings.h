// Parameters for statements whose text is built at run time (filters, IN lists). Values are
// always bound, never spliced into SQL.
#pragma once

#include <soci/soci.h>

#include <deque>
#include <string>
#include <vector>

namespace chibo::storage {

class Bindings {
 public:
  // Each returns the placeholder to write into the SQL text, e.g. ":p3".
  std::string text(std::string value);
  std::string number(long long value);
  // "(:p1, :p2, ...)" for an IN list of text, "(1, 2, ...)" for integers (written inline:
  // they cannot carry SQL); `values` must not be empty.
  std::string text_list(const std::vector<std::string>& values);
  std::string number_list(const std::vector<long long>& values);

  // Adds every value to `statement` as a named use(); call before prepare.
  void attach(soci::statement& statement);

 private:
  struct Entry {
    bool is_text;
    size_t index;
    std::string name;
  };
  std::deque<std::string> texts_;  // deques keep addresses stable for SOCI's references
  std::deque<long long> numbers_;
  std::vector<Entry> entries_;
};

}  // namespace chibo::storage
