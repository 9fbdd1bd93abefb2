// JSON renderings of the use cases' results, as the OpenAPI document describes them.
#pragma once

#include <nlohmann/json.hpp>

#include "app/member_views.h"
#include "app/org_views.h"

namespace chibo::http {

nlohmann::json org_json(const app::OrgView& view, const domain::Catalog& catalog);
nlohmann::json org_detail_json(const app::OrgDetail& detail, const domain::Catalog& catalog);
nlohmann::json org_brief_json(const domain::Organization& org);

// `today` gives the age; `org_name` may be empty.
nlohmann::json member_json(const domain::Member& member, const std::string& org_name, Date today);
nlohmann::json member_detail_json(const app::MemberDetail& detail, Date today);
nlohmann::json event_json(const app::MemberEvent& event);

}  // namespace chibo::http
