// Mail over plain SMTP (RFC 5321) to the server `chibo serve --smtp-url smtp://HOST:PORT`
// names: a relay on the machine or the local network. No TLS and no authentication: chibo
// hands mail to a local relay (postfix, or the tests' sink), which takes it further.
#pragma once

#include <memory>
#include <string>

#include "app/ports/mailer.h"
#include "core/result.h"

namespace chibo::cli {

// nullptr and an error for a URL that is not smtp://HOST:PORT.
Result<std::shared_ptr<app::Mailer>> make_smtp_mailer(const std::string& url,
                                                      const std::string& from);

}  // namespace chibo::cli
