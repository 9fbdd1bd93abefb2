// chibo audit verify | checkpoint: check the audit chain, and sign its head so that the
// printed line, kept elsewhere, later proves the history up to it was not rewritten.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <fstream>
#include <iostream>

#include "app/audit_views.h"
#include "app/runner.h"
#include "cli/commands.h"
#include "cli/runtime.h"
#include "security/signing.h"
#include "storage/sql/engine/database_url.h"

namespace chibo::cli {

namespace {

struct AuditOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  std::string checkpoint;  // verify: a line printed by `chibo audit checkpoint`
  std::string key_file;    // checkpoint: default <database>.audit-key
  std::string public_key;  // verify: the hex key the checkpoint must be signed with
};

// Hex in lower case, as checkpoints print it.
std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

int verify(const AuditOptions& options) {
  std::optional<domain::AuditCheckpoint> checkpoint;
  if (!options.checkpoint.empty()) {
    checkpoint = domain::parse_checkpoint(options.checkpoint);
    if (!checkpoint) {
      std::cerr
          << "chibo audit verify: --checkpoint is not a line printed by `chibo audit checkpoint`\n";
      return 2;
    }
  }
  if (!options.public_key.empty()) {
    if (!checkpoint) {
      std::cerr << "chibo audit verify: --public-key needs --checkpoint\n";
      return 2;
    }
    // Anyone able to rewrite the chain can sign a fresh checkpoint with a key of their own: the
    // signature proves something only when it is checked against the key kept off the machine.
    if (lower(options.public_key) != lower(checkpoint->public_key)) {
      std::cout << "chibo audit: BROKEN: the checkpoint is signed with another key than "
                << options.public_key << "\n";
      return 1;
    }
  }
  auto runtime = open_runtime({options.db, "", 1, false});
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  auto result = app::run_read(
      *(*runtime)->services, app::Actor::system("audit"),
      [](app::Context& c, const std::optional<domain::AuditCheckpoint>& k) {
        return app::verify_audit(c, k);
      },
      checkpoint);
  if (!result) {
    print_error(result.error());
    return 1;
  }
  if (result->ok) {
    std::cout << "chibo audit: chain intact, " << result->events << " events, head #"
              << result->head_seq << " " << result->head_hash
              << (checkpoint ? ", checkpoint matches" : "") << "\n";
    return 0;
  }
  if (result->problem == "checkpoint_signature") {
    std::cout << "chibo audit: BROKEN: the checkpoint's signature is not valid\n";
  } else if (result->problem == "checkpoint") {
    std::cout << "chibo audit: BROKEN at event #" << result->first_broken
              << ": the chain does not match the checkpoint (rewritten or cut)\n";
  } else if (result->problem == "head") {
    std::cout << "chibo audit: BROKEN: events from #" << result->first_broken
              << " on are missing (the recorded head is #" << result->head_seq << ")\n";
  } else {
    std::cout << "chibo audit: BROKEN at event #" << result->first_broken
              << ": its hash does not match its content and the previous event\n";
  }
  return 1;
}

// The hex secret key in `path`, created (mode 0600, never overwritten) when missing.
std::optional<std::string> signing_key(const std::string& path, std::string& error) {
  if (std::ifstream in(path); in) {
    std::string hex;
    std::getline(in, hex);
    std::optional<std::string> key = security::from_hex(hex);
    if (!key || key->size() != 64) {
      error = path + " does not hold an Ed25519 secret key";
      return std::nullopt;
    }
    return key;
  }
  const security::KeyPair pair = security::new_signing_key();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    error = "cannot create " + path;
    return std::nullopt;
  }
  const std::string line = security::to_hex(pair.secret_key) + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!written || !synced) {
    error = "cannot write " + path;
    return std::nullopt;
  }
  std::cerr << "chibo audit: created the signing key " << path << " (keep it secret; mode 0600)\n"
            << "chibo audit: its public key is " << security::to_hex(pair.public_key)
            << ": keep it off this machine and check checkpoints with `chibo audit verify "
               "--checkpoint LINE --public-key KEY`\n";
  return pair.secret_key;
}

int checkpoint(const AuditOptions& options) {
  auto url = storage::DatabaseUrl::parse(options.db);
  if (!url) {
    print_error(url.error());
    return 2;
  }
  std::string key_file = options.key_file;
  if (key_file.empty()) {
    if (url->engine != storage::Engine::kSqlite) {
      std::cerr << "chibo audit checkpoint: give --key FILE for a PostgreSQL database\n";
      return 2;
    }
    key_file = url->sqlite_path + ".audit-key";
  }
  std::string error;
  const std::optional<std::string> key = signing_key(key_file, error);
  if (!key) {
    std::cerr << "chibo audit checkpoint: " << error << "\n";
    return 1;
  }
  auto runtime = open_runtime({options.db, "", 1, false});
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  auto made = app::run_read(*(*runtime)->services, app::Actor::system("audit"),
                            app::checkpoint_audit, *key);
  if (!made) {
    print_error(made.error());
    return 1;
  }
  std::cout << made->line() << "\n";
  return 0;
}

}  // namespace

void add_audit_command(CLI::App& app, int& exit_code) {
  CLI::App* audit = app.add_subcommand("audit", "Check and sign the audit trail");
  audit->require_subcommand(1);
  auto options = std::make_shared<AuditOptions>();
  CLI::App* verify_command = audit->add_subcommand(
      "verify", "Recompute the hash chain; name the first broken event (exit status 1)");
  add_db_option(*verify_command, options->db);
  verify_command->add_option("--checkpoint", options->checkpoint,
                             "Also check against a line printed by `chibo audit checkpoint`");
  verify_command->add_option(
      "--public-key", options->public_key,
      "The hex public key the checkpoint must be signed with (kept off this machine)");
  verify_command->callback([options, &exit_code] { exit_code = verify(*options); });
  CLI::App* checkpoint_command = audit->add_subcommand(
      "checkpoint", "Print a signed line with the chain's head; keep it off this machine");
  add_db_option(*checkpoint_command, options->db);
  checkpoint_command->add_option(
      "--key", options->key_file,
      "Ed25519 key file (created if missing; default <database>.audit-key)");
  checkpoint_command->callback([options, &exit_code] { exit_code = checkpoint(*options); });
}

}  // namespace chibo::cli
