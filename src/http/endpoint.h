// Routes as decode -> use case -> render. A route file lists its routes as a table:
//
//   router.add("POST", "/api/v1/members/{id}/exit",
//              writes(api, decode_exit, app::record_exit, render_member_state));
//
//   decode    Result<std::tuple<Args...>>(const HttpRequest&): the use case's inputs after its
//             Context (path ids, query parameters, the JSON body), or the problem to answer.
//   use case  Result<Out>(app::Context&, Args&...), run by the app's runner (app/runner.h).
//   render    HttpResponse(const Out&) or HttpResponse(const Out&, const HttpRequest&).
//
// reads() runs the use case in a read-only transaction, lists() too but answers a refused
// value as a bad query parameter (400), writes() in a write transaction, and with an
// Idempotency-Key through app::run_keyed: the reply is rendered and stored in the same
// transaction, and a repeat gets it back with "Idempotent-Replayed: true".
#pragma once

#include <functional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "app/runner.h"
#include "http/api.h"
#include "http/idempotency.h"
#include "http/problem.h"

namespace chibo::http {

namespace endpoint_detail {

template <class Decode>
using Inputs = typename std::invoke_result_t<Decode&, const HttpRequest&>::value_type;

// Renders a use case's value; a use case that returns only a Status renders from nothing.
template <class Render, class Out>
HttpResponse render_with(Render& render, const Result<Out>& out, const HttpRequest& request) {
  if constexpr (std::is_void_v<Out>) {
    if constexpr (std::is_invocable_v<Render&, const HttpRequest&>) {
      return render(request);
    } else {
      return render();
    }
  } else if constexpr (std::is_invocable_v<Render&, const Out&, const HttpRequest&>) {
    return render(*out, request);
  } else {
    return render(*out);
  }
}

// A list's filters are query parameters: values the use case refuses are a 400, like values
// that do not parse.
inline Error as_parameter_error(Error error) {
  if (error.code == ErrorCode::kInvalid) {
    error.code = ErrorCode::kMalformed;
    error.reason = "invalid_parameter";
  }
  return error;
}

template <bool kWrite, bool kList, class Decode, class UseCase, class Render>
Handler run_route(ApiContext& api, Decode decode, UseCase use_case, Render render) {
  return [&api, decode = std::move(decode), use_case = std::move(use_case),
          render = std::move(render)](HttpRequest& request) mutable -> HttpResponse {
    auto inputs = decode(request);
    if (!inputs) return problem_response(inputs.error(), request);
    const app::Actor& actor = actor_of(request);
    auto run = [&](auto& run_in) {
      return std::apply(
          [&](auto&... args) { return run_in(api.services, actor, use_case, args...); }, *inputs);
    };
    if constexpr (kWrite) {
      auto keyed = idempotency_of(request);
      if (!keyed) return problem_response(keyed.error(), request);
      if (*keyed) {
        auto reply = app::run_keyed(
            api.services, actor, **keyed, [&](app::Context& ctx) -> Result<app::StoredReply> {
              auto out = std::apply(
                  [&](auto&... args) { return std::invoke(use_case, ctx, args...); }, *inputs);
              if (!out) return std::move(out).error();
              return stored_reply(render_with(render, out, request));
            });
        if (!reply) return problem_response(reply.error(), request);
        return replayed_response(std::move(*reply));
      }
    }
    auto run_in = [](auto&&... args) {
      if constexpr (kWrite) {
        return app::run_write(std::forward<decltype(args)>(args)...);
      } else {
        return app::run_read(std::forward<decltype(args)>(args)...);
      }
    };
    auto out = run(run_in);
    if (!out) {
      Error error = std::move(out).error();
      return problem_response(kList ? as_parameter_error(std::move(error)) : error, request);
    }
    return render_with(render, out, request);
  };
}

}  // namespace endpoint_detail

template <class Decode, class UseCase, class Render>
Handler reads(ApiContext& api, Decode decode, UseCase use_case, Render render) {
  return endpoint_detail::run_route<false, false>(api, std::move(decode), std::move(use_case),
                                                  std::move(render));
}

template <class Decode, class UseCase, class Render>
Handler lists(ApiContext& api, Decode decode, UseCase use_case, Render render) {
  return endpoint_detail::run_route<false, true>(api, std::move(decode), std::move(use_case),
                                                 std::move(render));
}

template <class Decode, class UseCase, class Render>
Handler writes(ApiContext& api, Decode decode, UseCase use_case, Render render) {
  return endpoint_detail::run_route<true, false>(api, std::move(decode), std::move(use_case),
                                                 std::move(render));
}

// A process of the app layer rather than one use case: work that must happen outside any
// transaction (hashing a password with Argon2id) around the transactions it runs itself.
// `process` is Result<Out>(app::Services&, const app::Actor&, Args&...).
template <class Decode, class Process, class Render>
Handler calls(ApiContext& api, Decode decode, Process process, Render render) {
  return [&api, decode = std::move(decode), process = std::move(process),
          render = std::move(render)](HttpRequest& request) mutable -> HttpResponse {
    auto inputs = decode(request);
    if (!inputs) return problem_response(inputs.error(), request);
    auto out = std::apply(
        [&](auto&... args) {
          return std::invoke(process, api.services, actor_of(request), args...);
        },
        *inputs);
    if (!out) return problem_response(out.error(), request);
    return endpoint_detail::render_with(render, out, request);
  };
}

// Decoders shared by many routes.

// A route without inputs: no query parameters either.
inline Result<std::tuple<>> no_inputs(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  return std::tuple<>();
}

// The {id} path parameter as the typed id `Id`; "not found" (`what`) when it is not a
// positive integer. Takes no query parameters.
template <class Id>
auto path_id_of(const char* what) {
  return [what](const HttpRequest& request) -> Result<std::tuple<Id>> {
    if (Status none = no_query_parameters(request); !none) return std::move(none).error();
    const std::optional<long long> id = path_id(request);
    if (!id) return Error::not_found(what);
    return std::tuple<Id>(Id(*id));
  };
}

// A reply of `status` with a JSON body.
template <class Json>
auto json_reply(int status, Json to_json) {
  return [status, to_json = std::move(to_json)](const auto& out) {
    return json_response(status, to_json(out));
  };
}

// A reply with a use case's XLSX file ({file_name, content}) to download: xlsx_response.
inline auto xlsx_reply() {
  return [](const auto& file) { return xlsx_response(file.file_name, file.content); };
}

}  // namespace chibo::http
