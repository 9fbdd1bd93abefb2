#include "domain/documents/attachment.h"

#include <cstdint>

#include "text/clean.h"

namespace chibo::domain {

namespace {

uint32_t le16(std::string_view bytes, size_t at) {
  return static_cast<uint8_t>(bytes[at]) | (static_cast<uint8_t>(bytes[at + 1]) << 8);
}

uint32_t le32(std::string_view bytes, size_t at) {
  return le16(bytes, at) | (le16(bytes, at + 2) << 16);
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// ASCII lower case of an extension.
std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

bool zip_has_entry(std::string_view content, std::string_view name) {
  // The end of central directory record (22 bytes, then a comment of up to 65535 bytes).
  constexpr uint32_t kEndSignature = 0x06054b50;
  constexpr uint32_t kEntrySignature = 0x02014b50;
  constexpr size_t kEndSize = 22;
  constexpr size_t kEntrySize = 46;
  if (content.size() < kEndSize) return false;
  const size_t lowest = content.size() > kEndSize + 65535 ? content.size() - kEndSize - 65535 : 0;
  size_t end = std::string_view::npos;
  for (size_t at = content.size() - kEndSize + 1; at-- > lowest;) {
    if (le32(content, at) == kEndSignature) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) return false;
  const uint32_t entries = le16(content, end + 10);
  const uint32_t directory_size = le32(content, end + 12);
  const uint32_t directory_offset = le32(content, end + 16);
  if (static_cast<uint64_t>(directory_offset) + directory_size > end) return false;
  size_t at = directory_offset;
  for (uint32_t i = 0; i < entries; ++i) {
    if (at + kEntrySize > end || le32(content, at) != kEntrySignature) return false;
    const size_t name_length = le16(content, at + 28);
    const size_t extra_length = le16(content, at + 30);
    const size_t comment_length = le16(content, at + 32);
    if (at + kEntrySize + name_length > end) return false;
    if (content.substr(at + kEntrySize, name_length) == name) return true;
    at += kEntrySize + name_length + extra_length + comment_length;
  }
  return false;
}

std::optional<std::string_view> sniff_attachment_type(std::string_view content) {
  if (starts_with(content, "%PDF-")) return attachment_type::kPdf;
  if (starts_with(content, std::string_view("\x89PNG\r\n\x1a\n", 8))) return attachment_type::kPng;
  if (starts_with(content, std::string_view("\xFF\xD8\xFF", 3))) return attachment_type::kJpeg;
  if (starts_with(content, std::string_view("PK\x03\x04", 4)) &&
      zip_has_entry(content, "word/document.xml")) {
    return attachment_type::kDocx;
  }
  return std::nullopt;
}

std::string_view attachment_extension(std::string_view content_type) {
  if (content_type == attachment_type::kPdf) return "pdf";
  if (content_type == attachment_type::kDocx) return "docx";
  if (content_type == attachment_type::kPng) return "png";
  if (content_type == attachment_type::kJpeg) return "jpg";
  return "";
}

std::string clean_file_name(std::string_view raw) {
  const size_t slash = raw.find_last_of("/\\");
  if (slash != std::string_view::npos) raw.remove_prefix(slash + 1);
  if (!text::is_valid_utf8(raw)) return "";
  std::string kept;
  kept.reserve(raw.size());
  for (char c : raw) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '"') continue;
    kept.push_back(c);
  }
  text::Cleaned cleaned = text::clean_line(kept);
  if (!cleaned.ok()) return "";
  std::string name = std::move(cleaned.text);
  while (!name.empty() && name.front() == '.') name.erase(name.begin());  // no hidden files
  constexpr size_t kMaxBytes = 255;
  if (name.size() > kMaxBytes) {
    const size_t dot = name.rfind('.');
    std::string extension =
        (dot != std::string::npos && name.size() - dot <= 10) ? name.substr(dot) : "";
    std::string stem = name.substr(0, kMaxBytes - extension.size());
    // Back off to a character boundary (a UTF-8 continuation byte is 10xxxxxx).
    while (!stem.empty() && (static_cast<unsigned char>(stem.back()) & 0xC0) == 0x80)
      stem.pop_back();
    if (!stem.empty() && (static_cast<unsigned char>(stem.back()) & 0x80) != 0) stem.pop_back();
    name = stem + extension;
  }
  return name;
}

std::string file_name_for_type(const std::string& cleaned, std::string_view content_type) {
  const std::string_view extension = attachment_extension(content_type);
  if (extension.empty()) return cleaned;
  const std::string name = lower(cleaned);
  if (ends_with(name, "." + std::string(extension))) return cleaned;
  if (extension == "jpg" && ends_with(name, ".jpeg")) return cleaned;
  return cleaned + "." + std::string(extension);
}

}  // namespace chibo::domain
