// Store::read and Store::write may run their work more than once: on PostgreSQL a transaction
// that failed before it committed (a lost connection, a serialization failure) runs again from
// the start. Most work starts from its inputs and can. Work that consumes an input stream or
// writes an output stream cannot; it takes a SingleAttempt, so that a second attempt fails with
// kUnavailable (the client sends the whole request again) instead of importing half a file or
// writing rows twice.
#pragma once

#include "core/result.h"

namespace chibo::app {

class SingleAttempt {
 public:
  // Ok the first time; kUnavailable on any later attempt.
  Status begin() {
    if (started_) return Error::unavailable("database_unavailable");
    started_ = true;
    return Ok();
  }

 private:
  bool started_ = false;
};

}  // namespace chibo::app
