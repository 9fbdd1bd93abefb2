#include "storage/sql/tools/sealed_backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <vector>

#include "security/sealed_stream.h"
#include "storage/sql/documents/document_repository.h"
#include "storage/sql/tools/database_copy.h"

namespace chibo::storage {

namespace fs = std::filesystem;

namespace sealed_backup_detail {

constexpr std::string_view kArchiveMagic = "chibo-backup-1";
constexpr size_t kBlock = 1 << 20;

Error refused(const char* reason, const char* flag, const std::string& code, Params params = {}) {
  Error error = Error::invalid_field(flag, code, std::move(params));
  error.reason = reason;
  return error;
}

// A refusal found deep in reading the seal, carried out to restore_sealed.
struct Refusal {
  Error error;
};

std::runtime_error io_error(const char* what, const fs::path& path) {
  return std::runtime_error(std::string(what) + " " + path.string() + ": " + std::strerror(errno));
}

// A folder for this run only (mode 0700), removed with what is left in it when done.
class WorkDir {
 public:
  WorkDir(const fs::path& parent, const std::string& stem) {
    std::string pattern = (parent / (stem + "XXXXXX")).string();
    if (!::mkdtemp(pattern.data())) throw io_error("cannot create a folder in", parent);
    path_ = pattern;
  }
  ~WorkDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A new file (mode 0600: it holds personal records) written through its descriptor; every
// failure (a full disk, an I/O error) throws.
class OutFile {
 public:
  explicit OutFile(fs::path path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd_ < 0) throw io_error("cannot create", path_);
  }
  ~OutFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;
  void write(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw io_error("cannot write", path_);
      bytes.remove_prefix(static_cast<size_t>(n));
    }
  }
  void close_synced() {
    const int fd = fd_;
    fd_ = -1;
    const bool synced = ::fsync(fd) == 0;
    if (::close(fd) != 0 || !synced) throw io_error("cannot write", path_);
  }

 private:
  fs::path path_;
  int fd_ = -1;
};

class InFile {
 public:
  explicit InFile(fs::path path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw io_error("cannot open", path_);
  }
  ~InFile() { ::close(fd_); }
  InFile(const InFile&) = delete;
  InFile& operator=(const InFile&) = delete;
  size_t read(char* into, size_t most) {
    for (;;) {
      const ssize_t n = ::read(fd_, into, most);
      if (n >= 0) return static_cast<size_t>(n);
      if (errno != EINTR) throw io_error("cannot read", path_);
    }
  }

 private:
  fs::path path_;
  int fd_ = -1;
};

void sync_dir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw io_error("cannot open", dir);
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) throw io_error("cannot sync", dir);
}

// integrity_check's verdict and the schema version of a SQLite file.
std::pair<std::string, int> check_sqlite(const fs::path& path) {
  sqlite3* db = nullptr;
  std::string integrity = "cannot open";
  int version = 0;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    auto scalar = [db](const char* sql) {
      sqlite3_stmt* statement = nullptr;
      std::string value;
      if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
          sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0)) {
        value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
      }
      sqlite3_finalize(statement);
      return value;
    };
    integrity = scalar("PRAGMA integrity_check");
    const std::string found = scalar("SELECT MAX(version) FROM schema_migrations");
    version = found.empty() ? 0 : std::stoi(found);
  }
  sqlite3_close_v2(db);
  return {integrity, version};
}

// The files of an attachments folder (<dir>/HH/SHA256), in a stable order.
std::vector<fs::path> attachment_files(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void seal_file(security::SealedWriter& writer, const fs::path& path, const std::string& name) {
  const auto size = fs::file_size(path);
  writer.write("file " + std::to_string(size) + " " + name + "\n");
  InFile in(path);
  std::string block(kBlock, '\0');
  std::uintmax_t total = 0;
  while (const size_t n = in.read(block.data(), block.size())) {
    writer.write(std::string_view(block.data(), n));
    total += n;
  }
  if (total != size) throw std::runtime_error(path.string() + " changed while it was sealed");
}

bool hex_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A name a backup may hold: "database" or "attachments/HH/SHA256" (HH its first two digits).
bool valid_name(const std::string& name) {
  if (name == "database") return true;
  constexpr std::string_view kPrefix = "attachments/";
  if (name.size() != kPrefix.size() + 3 + 64 || name.compare(0, kPrefix.size(), kPrefix) != 0)
    return false;
  const std::string_view rest = std::string_view(name).substr(kPrefix.size());
  return rest[2] == '/' && rest.substr(0, 2) == rest.substr(3, 2) && hex_digits(rest.substr(3));
}

// The plain text of a sealed backup, read as lines and sized files; a problem of the seal is a
// Refusal naming --from.
class Unsealing {
 public:
  explicit Unsealing(security::SealedReader& reader) : reader_(reader) {}

  std::string line() {
    std::string text;
    char c = 0;
    while (text.size() < 200) {
      if (reader_.read(&c, 1) == 0) fail();
      if (c == '\n') return text;
      text += c;
    }
    throw Refusal{refused("db_restore_refused", "--from", "backup_damaged")};
  }

  void copy(std::uintmax_t size, OutFile& out) {
    std::string block(kBlock, '\0');
    while (size > 0) {
      const size_t n = reader_.read(block.data(), std::min<std::uintmax_t>(size, block.size()));
      if (n == 0) fail();
      out.write(std::string_view(block.data(), n));
      size -= n;
    }
  }

  // True once the seal's verified end has been reached.
  bool at_end() {
    char c = 0;
    if (reader_.read(&c, 1) != 0) return false;
    if (reader_.problem() != security::Unsealed::kOk) fail();
    return true;
  }

 private:
  [[noreturn]] void fail() {
    const bool cut = reader_.problem() == security::Unsealed::kCut;
    throw Refusal{refused("db_restore_refused", "--from", cut ? "backup_cut" : "backup_damaged")};
  }
  security::SealedReader& reader_;
};

}  // namespace sealed_backup_detail

Result<SealedBackupReport> backup_sealed(const DatabaseUrl& source, const std::string& target,
                                         const std::string& recipient_public_key,
                                         const std::string& now_utc) {
  using namespace sealed_backup_detail;
  if (recipient_public_key.size() != 32)
    return refused("db_backup_refused", "--recipient", "backup_recipient_format");
  if (fs::exists(target))
    return refused("db_backup_refused", "--to", "db_copy_target_exists", {{"url", target}});
  const fs::path target_dir = fs::absolute(target).parent_path();
  if (!fs::is_directory(target_dir)) {
    return refused("db_backup_refused", "--to", "db_backup_cannot_open",
                   {{"url", target}, {"detail", std::strerror(ENOENT)}});
  }
  if (source.engine == Engine::kSqlite && !fs::exists(source.sqlite_path)) {
    return refused("db_backup_refused", "--db", "db_copy_no_source", {{"url", source.sqlite_path}});
  }
  const fs::path sealing = target + ".sealing-" + std::to_string(::getpid());
  try {
    // The plain copy goes where plain data already is, never to the backup volume.
    const fs::path plain_parent = source.engine == Engine::kSqlite
                                      ? fs::absolute(source.sqlite_path).parent_path()
                                      : fs::temp_directory_path();
    WorkDir work(plain_parent, ".chibo-backup-");
    const fs::path plain = work.path() / "database";
    SealedBackupReport report;
    if (source.engine == Engine::kSqlite) {
      Result<BackupReport> made = backup_sqlite(source.sqlite_path, plain.string());
      if (!made) return std::move(made).error();
      report.plain = *made;
    } else {
      Result<DatabaseUrl> copy_url = DatabaseUrl::parse("sqlite:" + plain.string());
      if (!copy_url) return std::move(copy_url).error();
      CopyOptions options;
      options.now_utc = now_utc;
      Result<CopyReport> copied = copy_database(source, *copy_url, options);
      if (!copied) return std::move(copied).error();
      report.plain.bytes = static_cast<long long>(fs::file_size(plain));
      report.plain.schema_version = check_sqlite(plain).second;
    }
    const std::vector<fs::path> attachments = attachment_files(attachments_dir_of(plain.string()));
    {
      OutFile out(sealing);
      security::SealedWriter writer(recipient_public_key, [&](std::string_view bytes) {
        out.write(bytes);
        report.sealed_bytes += static_cast<long long>(bytes.size());
      });
      writer.write(std::string(kArchiveMagic) + "\n");
      seal_file(writer, plain, "database");
      for (const fs::path& file : attachments) {
        seal_file(writer, file,
                  "attachments/" + file.parent_path().filename().string() + "/" +
                      file.filename().string());
      }
      writer.write("end\n");
      writer.finish();
      out.close_synced();
    }
    fs::rename(sealing, target);
    sync_dir(target_dir);
    report.plain.attachments = static_cast<long long>(attachments.size());
    report.key_id = security::sealing_key_id(recipient_public_key);
    return report;
  } catch (const std::exception& failure) {
    std::error_code ignored;
    fs::remove(sealing, ignored);
    Error error = Error::internal("db_backup_failed");
    error.params = {{"detail", failure.what()}};
    return error;
  }
}

Result<RestoreReport> restore_sealed(const std::string& from, const std::string& secret_key,
                                     const std::string& target) {
  using namespace sealed_backup_detail;
  const std::optional<std::string> own_key = security::sealing_public_key(secret_key);
  if (!own_key) return refused("db_restore_refused", "--key", "backup_key_file");
  if (!fs::is_regular_file(from))
    return refused("db_restore_refused", "--from", "db_copy_no_source", {{"url", from}});
  for (const std::string& taken : {target, attachments_dir_of(target)}) {
    if (fs::exists(taken))
      return refused("db_restore_refused", "--to", "db_copy_target_exists", {{"url", taken}});
  }
  const fs::path target_dir = fs::absolute(target).parent_path();
  if (!fs::is_directory(target_dir)) {
    return refused("db_restore_refused", "--to", "db_backup_cannot_open",
                   {{"url", target}, {"detail", std::strerror(ENOENT)}});
  }
  RestoreReport report;
  report.key_id = security::sealing_key_id(*own_key);
  try {
    InFile in(from);
    security::SealedReader reader([&](char* into, size_t most) { return in.read(into, most); },
                                  secret_key);
    switch (reader.open()) {
      case security::Unsealed::kOk:
        break;
      case security::Unsealed::kNotSealed:
        return refused("db_restore_refused", "--from", "backup_not_sealed", {{"url", from}});
      case security::Unsealed::kOtherKey:
        return refused("db_restore_refused", "--key", "backup_other_key",
                       {{"sealed_for", reader.sealed_for()}, {"key_id", report.key_id}});
      default:
        return refused("db_restore_refused", "--from", "backup_damaged");
    }
    WorkDir work(target_dir, ".chibo-restore-");
    Unsealing plain(reader);
    if (plain.line() != kArchiveMagic)
      throw Refusal{refused("db_restore_refused", "--from", "backup_damaged")};
    std::set<std::string> names;
    for (std::string line = plain.line(); line != "end"; line = plain.line()) {
      // "file SIZE NAME"
      const size_t space = line.find(' ', 5);
      const std::string size_text = space == std::string::npos ? "" : line.substr(5, space - 5);
      const std::string name = space == std::string::npos ? "" : line.substr(space + 1);
      if (line.compare(0, 5, "file ") != 0 || size_text.empty() || size_text.size() > 15 ||
          !std::all_of(size_text.begin(), size_text.end(),
                       [](char c) { return c >= '0' && c <= '9'; }) ||
          !valid_name(name) || !names.insert(name).second) {
        throw Refusal{refused("db_restore_refused", "--from", "backup_damaged")};
      }
      const fs::path path = work.path() / name;
      fs::create_directories(path.parent_path());
      OutFile out(path);
      plain.copy(std::stoull(size_text), out);
      out.close_synced();
      report.bytes += static_cast<long long>(std::stoull(size_text));
    }
    if (!plain.at_end() || !names.count("database"))
      throw Refusal{refused("db_restore_refused", "--from", "backup_damaged")};
    const fs::path database = work.path() / "database";
    const auto [integrity, version] = check_sqlite(database);
    if (integrity != "ok" || version == 0) {
      Error error = Error::internal("db_restore_failed");
      error.params = {{"detail", "integrity_check: " + integrity}};
      return error;
    }
    report.schema_version = version;
    report.attachments = static_cast<long long>(names.size() - 1);
    // The attachments take their name first, so that a database at the target always has them.
    const fs::path files = attachments_dir_of(target);
    if (report.attachments > 0) fs::rename(work.path() / "attachments", files);
    std::error_code renamed;
    fs::rename(database, target, renamed);
    if (renamed) {
      std::error_code ignored;
      if (report.attachments > 0) fs::rename(files, work.path() / "attachments", ignored);
      throw std::runtime_error(target + ": " + renamed.message());
    }
    sync_dir(target_dir);
    return report;
  } catch (const Refusal& refusal) {
    return refusal.error;
  } catch (const std::exception& failure) {
    Error error = Error::internal("db_restore_failed");
    error.params = {{"detail", failure.what()}};
    return error;
  }
}

}  // namespace chibo::storage
