#include "core/org_path.h"

#include <cassert>
#include <charconv>

namespace chibo {

OrgPath OrgPath::root(OrgId id) { return OrgPath("/" + std::to_string(id.value) + "/"); }

std::optional<OrgPath> OrgPath::parse(std::string_view text) {
  if (text.size() < 3 || text.front() != '/' || text.back() != '/') return std::nullopt;
  size_t segment_start = 1;
  for (size_t pos = 1; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '/') {
      const size_t length = pos - segment_start;
      if (length == 0 || length > 18 || text[segment_start] == '0') return std::nullopt;
      segment_start = pos + 1;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  return OrgPath(std::string(text));
}

OrgPath OrgPath::child(OrgId id) const { return OrgPath(text_ + std::to_string(id.value) + "/"); }

std::vector<OrgId> OrgPath::ids() const {
  std::vector<OrgId> result;
  int64_t current = 0;
  for (size_t pos = 1; pos < text_.size(); ++pos) {
    const char c = text_[pos];
    if (c == '/') {
      result.emplace_back(current);
      current = 0;
    } else {
      current = current * 10 + (c - '0');
    }
  }
  return result;
}

OrgId OrgPath::leaf() const {
  assert(!text_.empty());
  const size_t start = text_.rfind('/', text_.size() - 2) + 1;
  int64_t value = 0;
  std::from_chars(text_.data() + start, text_.data() + text_.size() - 1, value);
  return OrgId(value);
}

int OrgPath::depth() const {
  int slashes = 0;
  for (char c : text_) slashes += c == '/' ? 1 : 0;
  return slashes - 1;
}

std::string OrgPath::subtree_end() const {
  assert(!text_.empty());
  std::string end = text_;
  end.back() = '0';  // '0' is the byte right after '/'
  return end;
}

bool OrgPath::contains(const OrgPath& other) const {
  return other.text_.size() >= text_.size() && other.text_.compare(0, text_.size(), text_) == 0;
}

OrgPath OrgPath::rebased(const OrgPath& descendant, const OrgPath& new_prefix) const {
  assert(contains(descendant));
  return OrgPath(new_prefix.text_ + descendant.text_.substr(text_.size()));
}

}  // namespace chibo
