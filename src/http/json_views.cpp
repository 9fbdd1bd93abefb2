#include "http/json_views.h"

#include "domain/members/member_fields.h"

namespace chibo::http {

using nlohmann::json;

namespace {

json date_or_null(const std::optional<Date>& date) {
  return date ? json(date->iso()) : json(nullptr);
}
json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }
json id_or_null(const OrgId& id) { return id.valid() ? json(id.value) : json(nullptr); }

}  // namespace

json org_brief_json(const domain::Organization& org) {
  return {{"id", org.id.value},
          {"name", org.name},
          {"short_name", text_or_null(org.short_name)},
          {"kind", org.kind},
          {"status", domain::org_status_code(org.status)}};
}

json org_json(const app::OrgView& view, const domain::Catalog& catalog) {
  const domain::Organization& org = view.org;
  const domain::OrgKind* kind = catalog.org_kind(org.kind);
  json warnings = json::array();
  for (const domain::StructureWarning& warning : view.warnings) {
    warnings.push_back({{"code", warning.code},
                        {"rule", warning.rule},
                        {"threshold", warning.threshold},
                        {"actual", warning.actual},
                        {"source", warning.source}});
  }
  return {
      {"id", org.id.value},
      {"parent_id", id_or_null(org.parent_id)},
      {"path", org.path.str()},
      {"depth", org.path.depth()},
      {"kind", org.kind},
      {"kind_name", kind ? kind->name_vi : org.kind},
      {"holds_members", kind && kind->holds_members},
      {"name", org.name},
      {"short_name", text_or_null(org.short_name)},
      {"code", text_or_null(org.code)},
      {"established_on", date_or_null(org.established_on)},
      {"dissolved_on", date_or_null(org.dissolved_on)},
      {"status", domain::org_status_code(org.status)},
      {"merged_into", id_or_null(org.merged_into)},
      {"version", org.version},
      {"child_count", view.active_children},
      {"counts",
       {{"official", view.counts.official},
        {"probationary", view.counts.probationary},
        {"on_roll", view.counts.on_roll},
        {"total", view.counts.total}}},
      {"warnings", std::move(warnings)},
      {"created_at", org.created_at},
      {"updated_at", org.updated_at},
  };
}

json org_detail_json(const app::OrgDetail& detail, const domain::Catalog& catalog) {
  json body = org_json(detail.view, catalog);
  json ancestors = json::array();
  for (const domain::Organization& ancestor : detail.ancestors)
    ancestors.push_back(org_brief_json(ancestor));
  body["ancestors"] = std::move(ancestors);
  return body;
}

json member_json(const domain::Member& member, const std::string& org_name, Date today) {
  json body = {{"id", member.id.value}};
  for (const domain::MemberField& field : domain::member_fields()) {
    const std::string value = domain::member_field_text(member, field);
    if (field.kind == domain::FieldKind::kAliases) {
      body[field.name] = member.aliases;
    } else if (field.kind == domain::FieldKind::kOrgRef) {
      body[field.name] = member.org_id.value;
    } else {
      body[field.name] = text_or_null(value);
    }
  }
  body["org_name"] = text_or_null(org_name);
  body["age"] =
      member.birth_date ? json(whole_years_between(*member.birth_date, today)) : json(nullptr);
  body["version"] = member.version;
  body["created_at"] = member.created_at;
  body["updated_at"] = member.updated_at;
  return body;
}

json event_json(const app::MemberEvent& event) {
  json changes = json::array();
  for (const domain::FieldChange& change : event.changes) {
    changes.push_back({{"field", change.field},
                       {"before", text_or_null(change.before)},
                       {"after", text_or_null(change.after)}});
  }
  return {{"id", event.id},
          {"at", event.at},
          {"actor", event.actor},
          {"action", event.action},
          {"changes", std::move(changes)}};
}

json member_detail_json(const app::MemberDetail& detail, Date today) {
  json body = member_json(detail.member, detail.org.name, today);
  body["org"] = org_brief_json(detail.org);
  json history = json::array();
  for (const app::MemberEvent& event : detail.history) history.push_back(event_json(event));
  body["history"] = std::move(history);
  return body;
}

}  // namespace chibo::http
