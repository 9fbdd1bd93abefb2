// Typed identifiers: an OrgId cannot be passed where a MemberId is expected.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace chibo {

template <class Tag>
struct Id {
  int64_t value = 0;
  constexpr Id() = default;
  constexpr explicit Id(int64_t raw) : value(raw) {}
  bool valid() const { return value > 0; }
  auto operator<=>(const Id&) const = default;
};

using OrgId = Id<struct OrgTag>;
using MemberId = Id<struct MemberTag>;
using CandidateId = Id<struct CandidateTag>;
using TransferId = Id<struct TransferTag>;

}  // namespace chibo

template <class Tag>
struct std::hash<chibo::Id<Tag>> {
  size_t operator()(const chibo::Id<Tag>& id) const noexcept {
    return std::hash<int64_t>()(id.value);
  }
};
