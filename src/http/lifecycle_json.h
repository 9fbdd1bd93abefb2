// JSON of the member lifecycle: decoding the parts every step's body shares (dates, the
// deciding document, a vote, introducers) and rendering candidates, transfers, probation
// lists, badge lists and a member's lifecycle.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/badges.h"
#include "app/candidates.h"
#include "app/member_lifecycle.h"
#include "app/probation.h"
#include "app/transfers.h"
#include "http/json_body.h"

namespace chibo::http {

// A date field ("YYYY-MM-DD"); `required` adds "required" when absent or null.
std::optional<Date> read_date_field(JsonFields& fields, const std::string& name, bool required,
                                    std::vector<FieldError>& errors);
// A cleaned single-line text of at most `max_chars` ("" when absent or null).
std::string read_text_field(JsonFields& fields, const std::string& name, size_t max_chars,
                            std::vector<FieldError>& errors);
// {"number": ..., "authority": ...}; errors name "<name>.number" ...
domain::Document read_document(JsonFields& fields, const std::string& name,
                               std::vector<FieldError>& errors);
// {"in_favour": n, "against": n, "entitled": n}
domain::Vote read_vote(JsonFields& fields, const std::string& name,
                       std::vector<FieldError>& errors);
// [{"member_id": n, "known_since": "YYYY-MM-DD"}, ...]
std::vector<domain::Introducer> read_introducers(JsonFields& fields, const std::string& name,
                                                 std::vector<FieldError>& errors);

nlohmann::json document_json(const domain::Document& document);
nlohmann::json notice_json(const domain::Notice& notice);
nlohmann::json step_json(const domain::StepRecord& step);
nlohmann::json candidate_json(const app::CandidateView& view);
nlohmann::json candidate_detail_json(const app::CandidateDetail& detail);
nlohmann::json transfer_json(const app::TransferView& view);
// Each list holds at most `limit` members (the first by end of probation); `counts` says how
// many each has in all.
nlohmann::json probation_lists_json(const app::ProbationLists& lists, size_t limit);
nlohmann::json recognition_json(const domain::RecognitionRecord& step);
nlohmann::json badge_list_json(const app::BadgeList& list);
nlohmann::json lifecycle_json(const app::MemberLifecycle& lifecycle);

}  // namespace chibo::http
