// The plain form of a use case that also has an "_in(tx)" form. A keyed request
// (app/idempotency.h) runs the _in form inside the transaction that claims its key and stores
// its reply; every other caller runs it through own_write, in a write transaction of its own.
// So the use case's logic exists once, and both forms commit or roll back as a whole.
#pragma once

#include <utility>

#include "app/context.h"

namespace chibo::app {

// Runs `work(tx)` (a Result<T>) in one write transaction and returns its result: committed
// when it is a value, rolled back when it is an error. `work` may run more than once
// (Store::write), so it must start from its inputs: pass them by value or as const.
template <class Work>
auto own_write(Services& services, Work&& work) -> decltype(work(std::declval<Transaction&>())) {
  decltype(work(std::declval<Transaction&>())) result = Error::internal("unset");
  Status status = services.store.write([&](Transaction& tx) -> Status {
    result = work(tx);
    if (!result) return result.error();
    return Ok();
  });
  if (!status) return std::move(status).error();
  return result;
}

}  // namespace chibo::app
