// Sending one mail (an SMTP server in production, a sink in tests): a port, so that the mail
// job does not know how mail travels.
#pragma once

#include "app/ports/jobs.h"
#include "core/result.h"

namespace chibo::app {

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Hands `mail` to the server; an error says why it was not accepted (it is retried).
  virtual Status send(const OutgoingMail& mail) = 0;
};

}  // namespace chibo::app
