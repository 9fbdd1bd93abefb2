// The one translation unit that includes RESTinio (it costs ~25 s and 0.7 GB to compile).
#include "http/server.h"

#include <signal.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cctype>
#include <random>
#include <restinio/all.hpp>

#include <algorithm>

namespace chibo::http {

namespace {

// Bodies between kMaxBodyBytes (1 MiB) and ServerOptions::max_body_bytes get a 413 problem
// from the API (attachments have a limit of their own). Larger ones are cut off by the transport,
// which closes the connection without reading them: RESTinio 0.6 cannot answer before it has the
// whole body, and buffering more would let a few clients exhaust memory. (A reverse proxy in front
// answers 413 for those; see docs/architecture.md.)
constexpr std::size_t kMaxUrlBytes = 8 * 1024;
constexpr std::size_t kMaxHeaderFields = 100;
struct Traits : public restinio::default_traits_t {
  static constexpr bool use_connection_count_limiter = true;
};

std::string make_request_id() {
  static const std::string prefix = [] {
    std::random_device device;
    char buffer[9];
    std::snprintf(buffer, sizeof buffer, "%08x", device());
    return std::string(buffer);
  }();
  static std::atomic<unsigned long long> counter{0};
  return prefix + "-" + std::to_string(++counter);
}

// The client's address: the peer, or behind a trusted proxy the last X-Forwarded-For entry.
std::string client_address(const restinio::request_t& source, const HttpRequest& request,
                           const std::vector<std::string>& trusted_proxies) {
  std::string peer = source.remote_endpoint().address().to_string();
  if (std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) == trusted_proxies.end())
    return peer;
  const std::string* forwarded = nullptr;
  for (const auto& [name, value] : request.headers) {
    if (name == "x-forwarded-for") forwarded = &value;  // the last such header
  }
  if (!forwarded) return peer;
  std::string last = forwarded->substr(forwarded->rfind(',') + 1);
  const size_t first = last.find_first_not_of(" \t");
  if (first == std::string::npos) return peer;
  last = last.substr(first, last.find_last_not_of(" \t") - first + 1);
  restinio::asio_ns::error_code invalid;
  const auto address = restinio::asio_ns::ip::make_address(last, invalid);
  return invalid ? peer : address.to_string();
}

HttpRequest to_request(const restinio::request_t& source,
                       const std::vector<std::string>& trusted_proxies) {
  HttpRequest request;
  request.method = source.header().method().c_str();
  request.path = std::string(source.header().path());
  request.query = std::string(source.header().query());
  source.header().for_each_field([&request](const restinio::http_header_field_t& field) {
    std::string name = field.name();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(name), field.value());
  });
  request.body = source.body();
  request.remote_address = client_address(source, request, trusted_proxies);
  request.request_id = make_request_id();
  return request;
}

}  // namespace

bool serve_until_signal(const ServerOptions& options, const Router& api, const Admission& admission,
                        const StaticFiles& web, std::string& error) {
  // Block the stop signals before any thread starts, so that only sigwait() below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto handler = [&api, &admission, &web, &options](restinio::request_handle_t source) {
    HttpRequest request = to_request(*source, options.trusted_proxies);
    HttpResponse response = dispatch(api, admission, web, request);
    const restinio::http_status_line_t status_line{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        reason_phrase(response.status)};
    if (request.method == "HEAD") {
      // The headers of the GET response, with its length, and no body.
      auto builder = source->create_response<restinio::user_controlled_output_t>(status_line);
      builder.append_header(restinio::http_field::content_type, response.content_type);
      for (auto& [name, value] : response.headers) builder.append_header(name, value);
      builder.set_content_length(response.body.size());
      return builder.done();
    }
    auto builder = source->create_response(status_line);
    builder.append_header(restinio::http_field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) builder.append_header(name, value);
    builder.set_body(std::move(response.body));
    return builder.done();
  };
  using Settings = restinio::server_settings_t<Traits>;
  Settings settings;
  settings.address(options.host)
      .port(options.port)
      .request_handler(handler)
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_body_size(options.max_body_bytes)
                                    .max_url_size(kMaxUrlBytes)
                                    .max_field_count(kMaxHeaderFields))
      .max_parallel_connections(options.max_connections)
      .read_next_http_message_timelimit(std::chrono::seconds(options.read_timeout_seconds))
      .handle_request_timeout(std::chrono::seconds(60));
  try {
    auto server =
        restinio::run_async(restinio::own_io_context(), std::move(settings), options.threads);
    spdlog::info("chibo listening on http://{}:{}/ ({} threads)", options.host, options.port,
                 options.threads);
    int received = 0;
    sigwait(&stop_signals, &received);
    spdlog::info("signal {}: stopping", received);
    server->stop();
    server->wait();
  } catch (const std::exception& exception) {
    error = exception.what();
    return false;
  }
  return true;
}

}  // namespace chibo::http
