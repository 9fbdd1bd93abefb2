// Attachment contents as files named by their SHA-256 (SQLite keeps them beside the database):
// <dir>/<first two hex digits>/<sha256>. Written atomically (a temporary file in the same
// folder, fsync, rename, fsync of the folder), so a file present under its name is whole.
#pragma once

#include <optional>
#include <string>

namespace chibo::storage {

// Writes `content` as the file of `sha256` unless it is there already. Throws
// std::runtime_error on an I/O failure (the transaction around it fails: storage_failure).
void write_content_file(const std::string& dir, const std::string& sha256,
                        const std::string& content);

// The content of `sha256`, or nullopt when there is no such file.
std::optional<std::string> read_content_file(const std::string& dir, const std::string& sha256);

// The path of `sha256`'s file.
std::string content_file_path(const std::string& dir, const std::string& sha256);

}  // namespace chibo::storage
