// JSON renderings of users, the signed-in user ("me") and audit events (docs/accounts.md).
#pragma once

#include <nlohmann/json.hpp>

#include "app/own_sessions.h"
#include "app/sessions.h"
#include "app/users.h"
#include "core/date.h"
#include "domain/catalog/catalog.h"

namespace chibo::http {

nlohmann::json grants_json(const std::vector<app::UserGrant>& grants,
                           const std::vector<std::string>& scope_names,
                           const domain::Catalog& catalog);
// The signed-in user, with the server's civil date (`today`, Vietnam's) that the UI counts
// deadlines and default dates from.
nlohmann::json me_json(const app::MeView& view, const domain::Catalog& catalog,
                       const domain::SessionPolicy& policy, Date today);
nlohmann::json user_json(const app::UserView& view, const domain::Catalog& catalog);
nlohmann::json audit_event_json(const domain::AuditEvent& event);
// The signed-in user's own sessions: {"items": [...]}, each by its public id.
nlohmann::json own_sessions_json(const std::vector<app::OwnSession>& sessions);

}  // namespace chibo::http
