#include "cli/smtp_mailer.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstring>

namespace chibo::cli {

namespace {

std::string base64(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const uint32_t n = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i + 1 == in.size()) {
    const uint32_t n = uint8_t(in[i]) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const uint32_t n = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

// A header value in UTF-8 (RFC 2047).
std::string encoded_word(const std::string& text) { return "=?UTF-8?B?" + base64(text) + "?="; }

bool safe_address(const std::string& address) {
  if (address.empty() || address.size() > 254) return false;
  for (char c : address)
    if (c == '\r' || c == '\n' || c == '<' || c == '>' || c == ' ') return false;
  return address.find('@') != std::string::npos;
}

class Connection {
 public:
  ~Connection() {
    if (fd_ >= 0) ::close(fd_);
  }

  Status open(const std::string& host, const std::string& port) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0 || !found)
      return Error::unavailable("smtp_unreachable");
    for (addrinfo* at = found; at; at = at->ai_next) {
      fd_ = ::socket(at->ai_family, at->ai_socktype, at->ai_protocol);
      if (fd_ < 0) continue;
      timeval timeout{15, 0};
      setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
      setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
      if (::connect(fd_, at->ai_addr, at->ai_addrlen) == 0) break;
      ::close(fd_);
      fd_ = -1;
    }
    freeaddrinfo(found);
    if (fd_ < 0) return Error::unavailable("smtp_unreachable");
    return Ok();
  }

  Status send(const std::string& text) {
    size_t sent = 0;
    while (sent < text.size()) {
      const ssize_t n = ::send(fd_, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return Error::unavailable("smtp_send_failed");
      sent += static_cast<size_t>(n);
    }
    return Ok();
  }

  // Reads a whole reply (its continuation lines "250-..." too); fails unless its code starts
  // with `expect`.
  Status expect(char expect) {
    while (true) {
      std::string line;
      if (!read_line(line) || line.size() < 3) return Error::unavailable("smtp_no_reply");
      if (line.size() > 3 && line[3] == '-') continue;
      if (line[0] != expect) {
        Error refused = Error::unavailable("smtp_refused");
        refused.params = {{"reply", line.substr(0, 200)}};
        return refused;
      }
      return Ok();
    }
  }

 private:
  bool read_line(std::string& line) {
    while (true) {
      const size_t end = buffer_.find("\r\n");
      if (end != std::string::npos) {
        line = buffer_.substr(0, end);
        buffer_.erase(0, end + 2);
        return true;
      }
      char chunk[1024];
      const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      buffer_.append(chunk, static_cast<size_t>(n));
      if (buffer_.size() > 64 * 1024) return false;
    }
  }

  int fd_ = -1;
  std::string buffer_;
};

class SmtpMailer : public app::Mailer {
 public:
  SmtpMailer(std::string host, std::string port, std::string from)
      : host_(std::move(host)), port_(std::move(port)), from_(std::move(from)) {}

  Status send(const app::OutgoingMail& mail) override {
    if (!safe_address(mail.to_address)) return Error::unavailable("smtp_bad_address");
    Connection smtp;
    if (Status opened = smtp.open(host_, port_); !opened) return opened;
    auto step = [&](const std::string& line, char expect) -> Status {
      if (!line.empty()) {
        if (Status sent = smtp.send(line + "\r\n"); !sent) return sent;
      }
      return smtp.expect(expect);
    };
    if (Status s = step("", '2'); !s) return s;
    if (Status s = step("EHLO chibo", '2'); !s) return s;
    if (Status s = step("MAIL FROM:<" + from_ + ">", '2'); !s) return s;
    if (Status s = step("RCPT TO:<" + mail.to_address + ">", '2'); !s) return s;
    if (Status s = step("DATA", '3'); !s) return s;
    std::string message = "From: chibo <" + from_ + ">\r\nTo: <" + mail.to_address +
                          ">\r\nSubject: " + encoded_word(mail.subject) +
                          "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                          "Content-Transfer-Encoding: base64\r\nMessage-ID: <chibo-mail-" +
                          std::to_string(mail.id) + "@chibo>\r\n\r\n";
    const std::string body = base64(mail.body);
    for (size_t at = 0; at < body.size(); at += 76) message += body.substr(at, 76) + "\r\n";
    message += ".";  // base64 lines never start with a dot: no dot-stuffing needed
    if (Status s = step(message, '2'); !s) return s;
    (void)smtp.send("QUIT\r\n");
    return Ok();
  }

 private:
  std::string host_, port_, from_;
};

}  // namespace

Result<std::shared_ptr<app::Mailer>> make_smtp_mailer(const std::string& url,
                                                      const std::string& from) {
  const std::string scheme = "smtp://";
  if (url.rfind(scheme, 0) != 0) return Error::malformed("smtp_url_invalid");
  std::string rest = url.substr(scheme.size());
  if (const size_t slash = rest.find('/'); slash != std::string::npos) rest.resize(slash);
  const size_t colon = rest.rfind(':');
  std::string host = colon == std::string::npos ? rest : rest.substr(0, colon);
  std::string port = colon == std::string::npos ? "25" : rest.substr(colon + 1);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host.empty() || port.empty() || port.find_first_not_of("0123456789") != std::string::npos)
    return Error::malformed("smtp_url_invalid");
  if (!safe_address(from)) return Error::malformed("smtp_from_invalid");
  return std::shared_ptr<app::Mailer>(std::make_shared<SmtpMailer>(host, port, from));
}

}  // namespace chibo::cli
