// JSON renderings of the use cases' results, as the OpenAPI document describes them.
#pragma once

#include <nlohmann/json.hpp>

#include "app/member_views.h"
#include "app/org_views.h"
#include "http/json_writer.h"

namespace chibo::http {

// A date as "YYYY-MM-DD", or null; a text, or null when empty.
nlohmann::json date_or_null(const std::optional<Date>& date);
nlohmann::json text_or_null(const std::string& text);

nlohmann::json org_json(const app::OrgView& view, const domain::Catalog& catalog);
nlohmann::json org_detail_json(const app::OrgDetail& detail, const domain::Catalog& catalog);
nlohmann::json org_brief_json(const domain::Organization& org);

// Member responses are written with JsonWriter (they are the hot path). `today` gives the
// age; `org_name` may be empty.
// Restricted fields (discipline) are written only with `restricted_shown`: lists never carry
// them (which also keeps the shared render cache free of them).
void write_member(JsonWriter& json, const domain::Member& member, const std::string& org_name,
                  Date today, bool restricted_shown = false);
void write_event(JsonWriter& json, const app::MemberEvent& event);
std::string member_detail_body(const app::MemberDetail& detail, Date today);
// With a cache, records already rendered at their version are copied, not rendered again.
std::string member_page_body(const app::MemberPage& page, long long page_number,
                             long long page_size, Date today,
                             class MemberJsonCache* cache = nullptr);
std::string member_history_body(const std::vector<app::MemberEvent>& events);

}  // namespace chibo::http
