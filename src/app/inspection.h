// Use cases of inspection and supervision programmes (issue 15; rules-reference §8, Quy định
// 296-QĐ/TW; rules/inspection.toml): a yearly programme per committee or inspection committee
// for its subtree; the inspections planned in it (subject: an organization of the subtree or a
// member in it); each inspection's stages in order (decision, plan, work, report, conclusion)
// with date and document; the conclusion's violations and recommendations tracked until closed.
// Reading needs inspection.read over the programme's organization (an inspection also over its
// subject); writing inspection.write: the issuer's level decides and concludes, the team (a
// level above the subject) plans, works and reports (domain/inspection/stage.h). Out of reach
// is "not found".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/ports/inspection.h"

namespace chibo::app {

struct InspectionRequest {
  std::string kind;
  std::optional<OrgId> subject_org_id;
  std::optional<MemberId> subject_member_id;
  std::string content;
  Date starts_on;
  Date ends_on;
  std::vector<std::string> team;
};

struct ProgrammeRequest {
  OrgId org_id;
  int year = 0;
  std::string issuer;
  std::string title;
  std::string note;
  std::vector<InspectionRequest> inspections;
};

struct ProgrammePatch {
  int64_t id = 0;
  int64_t version = 0;
  std::optional<std::string> title;
  std::optional<std::string> note;
  std::vector<InspectionRequest> add_inspections;
};

struct StageRequest {
  int64_t id = 0;
  int64_t version = 0;
  std::string stage;
  Date on;
  std::optional<int64_t> document_id;
  std::string document_text;
};

struct ItemRequest {
  std::string kind;
  std::string description;
  std::string action;
  std::string owner;
  Date due_on;
};

struct ConclusionRequest {
  int64_t id = 0;
  int64_t version = 0;
  Date on;
  std::optional<int64_t> document_id;
  std::string document_text;
  std::string text;
  std::vector<ItemRequest> items;
};

struct CloseItemRequest {
  int64_t id = 0;
  int64_t version = 0;
  std::string evidence;
  Date closed_on;
};

struct InspectionItemLine {
  InspectionItem item;
  int64_t programme_id = 0;
  int year = 0;
  std::string subject_name;
  bool overdue = false;
};

struct InspectionLine {
  Inspection inspection;
  std::string subject_name;
  int64_t open_items = 0;
  int64_t overdue_items = 0;
};

struct ProgrammeLine {
  InspectionProgramme programme;
  std::string org_name;
  int64_t inspections = 0;
};

struct ProgrammeView {
  InspectionProgramme programme;
  std::string org_name;
  std::vector<InspectionLine> inspections;
  bool may_write = false;
};

struct InspectionView {
  InspectionLine line;
  InspectionProgramme programme;
  std::string programme_org_name;
  std::vector<InspectionStageRecord> stages;
  std::vector<InspectionItemLine> items;
  std::string next_stage;  // "" after the conclusion
  bool may_record_next = false;
};

struct InspectionItemQuery {
  OrgId org_id;
  std::string state;  // "", "open", "closed"
  std::string kind;   // "", "violation", "recommendation"
  bool overdue = false;
  int limit = 200;
};

Result<ProgrammeView> create_inspection_programme(Context& ctx, const ProgrammeRequest& request);
Result<std::vector<ProgrammeLine>> list_inspection_programmes(Context& ctx, OrgId org, int year);
Result<ProgrammeView> get_inspection_programme(Context& ctx, int64_t id);
Result<ProgrammeView> update_inspection_programme(Context& ctx, const ProgrammePatch& patch);
Result<InspectionView> get_inspection(Context& ctx, int64_t id);
Result<InspectionView> advance_inspection(Context& ctx, const StageRequest& request);
Result<InspectionView> conclude_inspection(Context& ctx, const ConclusionRequest& request);
Result<InspectionItemLine> close_inspection_item(Context& ctx, const CloseItemRequest& request);
Result<std::vector<InspectionItemLine>> list_inspection_items(Context& ctx,
                                                              const InspectionItemQuery& query);

}  // namespace chibo::app
