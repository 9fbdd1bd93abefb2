#include "http/account_json.h"

namespace chibo::http {

using nlohmann::json;

namespace {

json nullable_text(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json member_id_json(const std::optional<MemberId>& member) {
  return member ? json(member->value) : json(nullptr);
}

}  // namespace

json grants_json(const std::vector<app::UserGrant>& grants,
                 const std::vector<std::string>& scope_names, const domain::Catalog& catalog) {
  json items = json::array();
  for (size_t index = 0; index < grants.size(); ++index) {
    const app::UserGrant& grant = grants[index];
    std::string role_name = grant.role;
    std::string role_name_en = grant.role;
    for (const domain::Role& role : catalog.roles) {
      if (role.code != grant.role) continue;
      role_name = role.name_vi;
      role_name_en = role.name_en;
    }
    items.push_back(
        {{"role", grant.role},
         {"role_name", role_name},
         {"role_name_en", role_name_en},
         {"scope_org_id", grant.scope.valid() ? json(grant.scope.value) : json(nullptr)},
         {"scope_org_name",
          index < scope_names.size() ? nullable_text(scope_names[index]) : json(nullptr)}});
  }
  return items;
}

json me_json(const app::MeView& view, const domain::Catalog& catalog,
             const domain::SessionPolicy& policy, Date today) {
  const app::User& user = view.user;
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"stage", view.session.stage},
          {"totp_enabled", user.totp_enabled},
          {"must_change_password", user.must_change_password},
          {"grants", grants_json(user.grants, view.scope_names, catalog)},
          {"permissions", view.permissions},
          {"member_id", member_id_json(user.member_id)},
          {"session",
           {{"created_at", view.session.created_at},
            {"expires_at", view.session.expires_at},
            {"idle_timeout_seconds", policy.idle_timeout_ms / 1000}}},
          {"today", today.iso()}};
}

json user_json(const app::UserView& view, const domain::Catalog& catalog) {
  const app::User& user = view.user;
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"grants", grants_json(user.grants, view.scope_names, catalog)},
          {"member_id", member_id_json(user.member_id)},
          {"disabled", user.disabled},
          {"totp_enabled", user.totp_enabled},
          {"must_change_password", user.must_change_password},
          {"last_login_at", nullable_text(user.last_login_at)},
          {"created_at", user.created_at},
          {"updated_at", user.updated_at},
          {"version", user.version},
          {"open_sessions", view.open_sessions}};
}

json audit_event_json(const domain::AuditEvent& event) {
  json details = json::parse(event.details.empty() ? "null" : event.details, nullptr, false);
  if (details.is_discarded()) details = event.details;
  return {{"seq", event.seq},
          {"at", event.at},
          {"actor_id", event.actor_id ? json(event.actor_id) : json(nullptr)},
          {"actor", event.actor},
          {"session", nullable_text(event.session_hash)},
          {"request_id", nullable_text(event.request_id)},
          {"address", nullable_text(event.address)},
          {"action", event.action},
          {"object_type", event.object_type},
          {"object_id", nullable_text(event.object_id)},
          {"object_path", nullable_text(event.object_path)},
          {"record_class", event.record_class},
          {"outcome", event.outcome},
          {"details", std::move(details)},
          {"hash", event.hash}};
}

json own_sessions_json(const std::vector<app::OwnSession>& sessions) {
  json items = json::array();
  for (const app::OwnSession& session : sessions) {
    items.push_back({{"id", session.id},
                     {"created_at", session.created_at},
                     {"last_seen_at", session.last_seen_at},
                     {"expires_at", session.expires_at},
                     {"address", session.address},
                     {"user_agent", session.user_agent},
                     {"current", session.current}});
  }
  return {{"items", std::move(items)}};
}

}  // namespace chibo::http
