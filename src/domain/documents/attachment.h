// Files attached to a register document: which kinds are accepted, told by their content (never
// by the name or the Content-Type a client sends), and how a file name a client sends is
// cleaned before it is stored and sent back in Content-Disposition.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chibo::domain {

namespace attachment_type {
inline constexpr std::string_view kPdf = "application/pdf";
inline constexpr std::string_view kDocx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
inline constexpr std::string_view kPng = "image/png";
inline constexpr std::string_view kJpeg = "image/jpeg";
}  // namespace attachment_type

// The media type of `content`, or nullopt when it is none of the accepted kinds: PDF (starts
// with "%PDF-"), PNG (its 8-byte signature), JPEG (FF D8 FF), DOCX (a ZIP archive whose central
// directory names "word/document.xml"; other ZIP files, XLSX included, are refused).
std::optional<std::string_view> sniff_attachment_type(std::string_view content);

// True when the ZIP archive `content` lists an entry named `name` in its central directory.
bool zip_has_entry(std::string_view content, std::string_view name);

// The extension a type's files carry: "pdf", "docx", "png", "jpg".
std::string_view attachment_extension(std::string_view content_type);

// A client's file name made safe to store and send back: the last component of a path ("/" or
// "\\"), control characters and quotes dropped, white space collapsed, NFC, at most 255 bytes
// (cut at a character boundary, the extension kept). "" when nothing is left or the name is
// not valid UTF-8.
std::string clean_file_name(std::string_view raw);

// The file name with the extension of its checked type: "ke hoach.pdf" stays, "scan" of a PDF
// becomes "scan.pdf", "anh.png" of a JPEG becomes "anh.png.jpg".
std::string file_name_for_type(const std::string& cleaned, std::string_view content_type);

}  // namespace chibo::domain
