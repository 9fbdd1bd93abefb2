// Encrypted backups (chibo db backup --recipient, chibo db restore; ASVS 11.3.3): the database
// and its attachment files in one file sealed for the holder of a backup key
// (security/sealed_stream.h). The server seals with the public key only, so a stolen server or
// backup volume reads no backup; the secret key stays off the machine until a restore.
//
// The plain copy is made first where plain data already lives (beside a SQLite database; for a
// PostgreSQL database, a chibo db copy into a SQLite file in TMPDIR), sealed into a file beside
// the target that takes its name once whole and synced, and removed. A restore opens and checks
// every chunk into a folder beside the target, checks the database (integrity_check, schema),
// and only then gives it the target's name: a changed, cut or foreign file restores nothing.
//
// Inside the seal: "chibo-backup-1\n", then per file "file SIZE NAME\n" and its bytes (NAME is
// "database" or "attachments/HH/SHA256"), then "end\n".
#pragma once

#include <string>

#include "core/result.h"
#include "storage/sql/engine/database_url.h"
#include "storage/sql/tools/sqlite_backup.h"

namespace chibo::storage {

struct SealedBackupReport {
  BackupReport plain;  // the copy that was sealed
  std::string key_id;  // security::sealing_key_id of the recipient
  long long sealed_bytes = 0;
};

// `recipient_public_key`: 32 raw bytes. Errors name --db, --to or --recipient.
Result<SealedBackupReport> backup_sealed(const DatabaseUrl& source, const std::string& target,
                                         const std::string& recipient_public_key,
                                         const std::string& now_utc);

struct RestoreReport {
  std::string key_id;
  long long bytes = 0;
  int schema_version = 0;
  long long attachments = 0;
};

// Restores the sealed backup `from` into the SQLite file `target` (and <target>.attachments),
// neither of which may exist. `secret_key`: 32 raw bytes. Errors name --from, --key or --to.
Result<RestoreReport> restore_sealed(const std::string& from, const std::string& secret_key,
                                     const std::string& target);

}  // namespace chibo::storage
