#include "storage/sql/documents/attachment_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace chibo::storage {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw std::runtime_error("attachment store: " + what + " " + path + ": " + std::strerror(errno));
}

void make_dir(const std::string& path) {
  if (::mkdir(path.c_str(), 0750) != 0 && errno != EEXIST) fail("mkdir", path);
}

void sync_dir(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) fail("open", path);
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) fail("fsync", path);
}

bool valid_name(const std::string& sha256) {
  if (sha256.size() != 64) return false;
  for (char c : sha256) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string content_file_path(const std::string& dir, const std::string& sha256) {
  return dir + "/" + sha256.substr(0, 2) + "/" + sha256;
}

void write_content_file(const std::string& dir, const std::string& sha256,
                        const std::string& content) {
  if (!valid_name(sha256)) throw std::runtime_error("attachment store: bad name " + sha256);
  const std::string final_path = content_file_path(dir, sha256);
  struct stat existing {};
  if (::stat(final_path.c_str(), &existing) == 0) return;  // the same bytes are there
  make_dir(dir);
  const std::string shard = dir + "/" + sha256.substr(0, 2);
  make_dir(shard);
  static std::atomic<unsigned> counter{0};
  const std::string temp = shard + "/." + sha256 + ".tmp" + std::to_string(::getpid()) + "." +
                           std::to_string(counter.fetch_add(1));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) fail("create", temp);
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      ::unlink(temp.c_str());
      fail("write", temp);
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail("fsync", temp);
  }
  ::close(fd);
  if (::rename(temp.c_str(), final_path.c_str()) != 0) {
    ::unlink(temp.c_str());
    fail("rename", final_path);
  }
  sync_dir(shard);
}

std::optional<std::string> read_content_file(const std::string& dir, const std::string& sha256) {
  if (!valid_name(sha256)) return std::nullopt;
  std::ifstream in(content_file_path(dir, sha256), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

}  // namespace chibo::storage
