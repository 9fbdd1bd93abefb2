// /api/v1/health, /openapi.json, /catalogs, /rules: what clients need to know about the service.
#include "app/runner.h"
#include "domain/members/age_bands.h"
#include "domain/members/member_fields.h"
#include "http/api.h"
#include "resources/resources.h"

namespace chibo::http {

namespace {

using nlohmann::json;

json list_json(const domain::CatalogList& list) {
  json items = json::array();
  for (const domain::CatalogEntry& entry : list.entries()) {
    items.push_back({{"code", entry.code}, {"name_vi", entry.name_vi}, {"name_en", entry.name_en}});
  }
  return items;
}

json catalogs_json(const domain::Catalog& catalog) {
  json kinds = json::array();
  for (const domain::OrgKind& kind : catalog.org_kinds) {
    kinds.push_back({{"code", kind.code},
                     {"name_vi", kind.name_vi},
                     {"name_en", kind.name_en},
                     {"parents", kind.parent_kinds},
                     {"root", kind.may_be_root},
                     {"holds_members", kind.holds_members},
                     {"is_base", kind.is_base}});
  }
  json statuses = json::array();
  for (const domain::MemberStatusInfo& status : catalog.member_statuses) {
    statuses.push_back({{"code", status.code},
                        {"name_vi", status.name_vi},
                        {"name_en", status.name_en},
                        {"on_roll", status.on_roll}});
  }
  json fields = json::array();
  for (const domain::MemberField& field : domain::member_fields()) {
    fields.push_back({{"name", field.name},
                      {"label_vi", field.label_vi},
                      {"label_en", field.label_en},
                      {"required", field.required},
                      {"max_length", field.max_chars}});
  }
  json grounds = json::array();
  for (const domain::ExitGround& ground : catalog.exit_grounds) {
    grounds.push_back({{"code", ground.code},
                       {"status", ground.status},
                       {"name_vi", ground.name_vi},
                       {"name_en", ground.name_en},
                       {"readmission_allowed", ground.readmission_allowed},
                       {"source", ground.source}});
  }
  json roles = json::array();
  for (const domain::Role& role : catalog.roles) {
    json permissions = json::array();
    for (const domain::Permission permission : role.permissions)
      permissions.push_back(std::string(domain::permission_code(permission)));
    roles.push_back(
        {{"code", role.code},
         {"name_vi", role.name_vi},
         {"name_en", role.name_en},
         {"scope", role.scope == domain::ScopeKind::kOwnRecord ? "own_record" : "subtree"},
         {"requires_totp", role.requires_totp},
         {"permissions", std::move(permissions)}});
  }
  return {
      {"roles", std::move(roles)},
      {"sexes", list_json(catalog.sexes)},
      {"ethnicities", list_json(catalog.ethnicities)},
      {"religions", list_json(catalog.religions)},
      {"professional_qualifications", list_json(catalog.professional_qualifications)},
      {"political_theory_levels", list_json(catalog.political_theory_levels)},
      {"occupations", list_json(catalog.occupations)},
      {"provinces", list_json(catalog.provinces)},
      {"org_kinds", std::move(kinds)},
      {"member_statuses", std::move(statuses)},
      {"member_fields", std::move(fields)},
      {"exit_grounds", std::move(grounds)},
      {"age_bands", domain::age_band_codes()},
  };
}

}  // namespace

void add_meta_routes(Router& router, ApiContext& context) {
  app::Services& services = context.services;
  // Catalogs are fixed for the process's life: render them once.
  const std::string catalogs = catalogs_json(services.catalog).dump();

  router.add("GET", "/api/v1/health", no_query([&context](HttpRequest&) {
               const Status status =
                   app::run_read(context.services, app::Actor(), [](app::Context& ctx) -> Status {
                     (void)ctx.tx.orgs().children(OrgId(), false);
                     return Ok();
                   });
               return json_response(status ? 200 : 503,
                                    {{"status", status ? "ok" : "unavailable"},
                                     {"database", context.engine},
                                     {"version", CHIBO_VERSION},
                                     {"search", context.search_in_memory() ? "memory" : "sql"}});
             }),
             Gate::kPublic);

  router.add("GET", "/api/v1/openapi.json", no_query([](HttpRequest&) {
               HttpResponse response;
               response.body = std::string(resources::find("src/http/openapi.json").value_or("{}"));
               return response;
             }),
             Gate::kPublic);

  router.add("GET", "/api/v1/catalogs", no_query([catalogs](HttpRequest&) {
               HttpResponse response;
               response.body = catalogs;
               return response;
             }),
             Gate::kAnySession);

  router.add("GET", "/api/v1/rules", no_query([&services](HttpRequest&) {
               json items = json::array();
               for (const domain::RuleParameter& rule : services.rules.all()) {
                 items.push_back({{"key", rule.key},
                                  {"value", rule.value},
                                  {"values", rule.values},
                                  {"effective_from", rule.effective_from.iso()},
                                  {"source", rule.source},
                                  {"note", rule.note}});
               }
               return json_response(200, {{"items", std::move(items)}});
             }));
}

}  // namespace chibo::http
