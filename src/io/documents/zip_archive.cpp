#include "io/documents/zip_archive.h"

#include <zip.h>

#include <memory>

namespace chibo::io {

namespace {

struct ZipSourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using ZipSourcePtr = std::unique_ptr<zip_source_t, ZipSourceFree>;

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

Error zip_failure(const char* step, zip_error_t* error) {
  return Error::internal(std::string("zip: ") + step + ": " + zip_error_strerror(error));
}

}  // namespace

Result<std::string> write_zip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  ZipSourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) return zip_failure("buffer", &error);
  ZipPtr archive(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error));
  if (!archive) return zip_failure("open", &error);
  zip_source_keep(buffer.get());  // the archive takes a reference; keep ours to read the bytes
  for (const ZipEntry& entry : entries) {
    // libzip reads the data at zip_close(); `entries` outlives it.
    zip_source_t* data = zip_source_buffer(archive.get(), entry.data.data(), entry.data.size(), 0);
    if (!data) return zip_failure("entry", zip_get_error(archive.get()));
    if (zip_file_add(archive.get(), entry.name.c_str(), data, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(data);
      return zip_failure("add", zip_get_error(archive.get()));
    }
  }
  if (zip_close(archive.get()) < 0) return zip_failure("close", zip_get_error(archive.get()));
  archive.release();  // closed
  if (zip_source_open(buffer.get()) < 0)
    return zip_failure("reopen", zip_source_error(buffer.get()));
  zip_source_seek(buffer.get(), 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer.get());
  zip_source_seek(buffer.get(), 0, SEEK_SET);
  std::string bytes(static_cast<size_t>(size), '\0');
  const zip_int64_t read = zip_source_read(buffer.get(), bytes.data(), bytes.size());
  zip_source_close(buffer.get());
  if (read != size) return Error::internal("zip: short read of the archive");
  return bytes;
}

Result<std::map<std::string, std::string>> read_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  ZipSourcePtr buffer(zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error));
  if (!buffer) return Error::malformed("zip_unreadable");
  ZipPtr archive(zip_open_from_source(buffer.get(), ZIP_RDONLY, &error));
  if (!archive) return Error::malformed("zip_unreadable");
  zip_source_keep(buffer.get());
  std::map<std::string, std::string> files;
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t index = 0; index < count; ++index) {
    zip_stat_t stat;
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(index), 0, &stat) < 0) {
      return Error::malformed("zip_unreadable");
    }
    zip_file_t* file = zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(index), 0);
    if (!file) return Error::malformed("zip_unreadable");
    std::string content(static_cast<size_t>(stat.size), '\0');
    const zip_int64_t read = zip_fread(file, content.data(), content.size());
    zip_fclose(file);
    if (read != static_cast<zip_int64_t>(stat.size)) return Error::malformed("zip_unreadable");
    files.emplace(stat.name, std::move(content));
  }
  return files;
}

}  // namespace chibo::io
