#include "http/json_views.h"

#include "domain/members/member_fields.h"
#include "http/member_json_cache.h"

namespace chibo::http {

using nlohmann::json;

json date_or_null(const std::optional<Date>& date) {
  return date ? json(date->iso()) : json(nullptr);
}
json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

namespace {

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

void write_member(JsonWriter& json, const domain::Member& member, const std::string& org_name,
                  Date today, bool restricted_shown) {
  json.begin_object().key("id").number(member.id.value);
  for (const domain::MemberField& field : domain::member_fields()) {
    if (field.restricted && !restricted_shown) continue;
    json.key(field.name);
    if (field.kind == domain::FieldKind::kAliases) {
      json.begin_array();
      for (const std::string& alias : member.aliases) json.string(alias);
      json.end_array();
    } else if (field.kind == domain::FieldKind::kOrgRef) {
      json.number(member.org_id.value);
    } else {
      json.string_or_null(domain::member_field_text(member, field));
    }
  }
  json.key("org_name").string_or_null(org_name);
  json.key("age");
  if (member.birth_date) {
    json.number(whole_years_between(*member.birth_date, today));
  } else {
    json.null();
  }
  json.key("version").number(member.version);
  json.key("created_at").string(member.created_at);
  json.key("updated_at").string(member.updated_at);
  json.end_object();
}

void write_event(JsonWriter& json, const app::MemberEvent& event) {
  json.begin_object()
      .key("id")
      .number(event.id)
      .key("at")
      .string(event.at)
      .key("actor")
      .string(event.actor)
      .key("action")
      .string(event.action)
      .key("changes")
      .begin_array();
  for (const domain::FieldChange& change : event.changes) {
    json.begin_object()
        .key("field")
        .string(change.field)
        .key("before")
        .string_or_null(change.before)
        .key("after")
        .string_or_null(change.after)
        .end_object();
  }
  json.end_array().key("effective_on");
  if (event.effective_on) {
    json.string(event.effective_on->iso());
  } else {
    json.null();
  }
  json.key("document");
  if (event.document.empty()) {
    json.null();
  } else {
    json.begin_object()
        .key("number")
        .string_or_null(event.document.number)
        .key("authority")
        .string_or_null(event.document.authority)
        .end_object();
  }
  json.end_object();
}

std::string member_detail_body(const app::MemberDetail& detail, Date today) {
  std::string body;
  JsonWriter json(body);
  write_member(json, detail.member, detail.org.name, today, detail.restricted_shown);
  // Extend the member object: drop its closing brace, add the organization and history.
  body.pop_back();
  if (detail.restricted_shown) {
    // The discipline's parts: the decided cases in force (each a link to its case) and the
    // legacy note (migration 0027); `discipline` above is their text.
    nlohmann::json cases = nlohmann::json::array();
    for (const domain::discipline::DecidedSanction& sanction : detail.discipline_cases) {
      cases.push_back(
          {{"case_id", sanction.case_id},
           {"sanction", std::string(domain::discipline::sanction_code(sanction.sanction))},
           {"decided_on", sanction.decided_on.iso()},
           {"decision_number", text_or_null(sanction.decision_number)},
           {"competent_level", text_or_null(sanction.competent_level)},
           {"appeal_outcome", text_or_null(sanction.appeal_outcome)},
           {"text", domain::discipline::sanction_line(sanction)}});
    }
    body += ",\"discipline_cases\":" + cases.dump() +
            ",\"discipline_legacy\":" + text_or_null(detail.member.discipline_legacy).dump();
  }
  body += ",\"org\":" + org_brief_json(detail.org).dump() + ",\"history\":";
  std::string history;
  JsonWriter history_json(history);
  history_json.begin_array();
  for (const app::MemberEvent& event : detail.history) write_event(history_json, event);
  history_json.end_array();
  body += history;
  body.push_back('}');
  return body;
}

std::string member_page_body(const app::MemberPage& page, long long page_number,
                             long long page_size, Date today, MemberJsonCache* cache) {
  std::string body;
  body.reserve(1024 + page.items.size() * 1200);
  JsonWriter json(body);
  json.begin_object().key("items").begin_array();
  for (const app::MemberRef& member : page.items) {
    const auto org = page.org_names.find(member->org_id);
    const std::string& org_name = org == page.org_names.end() ? std::string() : org->second;
    if (cache) {
      json.raw(*cache->get(*member, org_name, today));
    } else {
      write_member(json, *member, org_name, today);
    }
  }
  json.end_array()
      .key("total")
      .number(page.total)
      .key("total_exact")
      .boolean(page.total_exact)
      .key("page")
      .number(page_number)
      .key("page_size")
      .number(page_size)
      .end_object();
  return body;
}

std::string member_history_body(const std::vector<app::MemberEvent>& events) {
  std::string body;
  JsonWriter json(body);
  json.begin_object().key("items").begin_array();
  for (const app::MemberEvent& event : events) write_event(json, event);
  json.end_array().end_object();
  return body;
}

}  // namespace chibo::http
