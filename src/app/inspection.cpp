#include "app/inspection.h"

#include <algorithm>

#include "app/access_control.h"
#include "domain/inspection/programme.h"
#include "domain/inspection/stage.h"
#include "domain/remediation/item.h"

namespace chibo::app {

// Named, not anonymous: the unity build joins this file with the other use cases.
namespace inspection_detail {

using domain::Permission;
using domain::inspection::Stage;

// Field errors name their subject, so shared field names ("kind", "stage") read as the
// inspection's (http/field_labels.cpp).
Error invalid(std::vector<FieldError> errors) {
  for (FieldError& error : errors) error.params.emplace_back("subject", "inspection");
  return Error::invalid(std::move(errors));
}

Error invalid_field(std::string field, std::string code, Params params = {}) {
  std::vector<FieldError> errors;
  errors.push_back({std::move(field), std::move(code), std::move(params)});
  return invalid(std::move(errors));
}

// The level above a subject: an organization's parent (a root is its own), a member's
// organization.
OrgPath above_subject(const Inspection& inspection) {
  if (inspection.subject_member_id.valid()) return inspection.subject_path;
  std::vector<OrgId> ids = inspection.subject_path.ids();
  if (ids.size() <= 1) return inspection.subject_path;
  OrgPath path = OrgPath::root(ids.front());
  for (size_t i = 1; i + 1 < ids.size(); ++i) path = path.child(ids[i]);
  return path;
}

bool may_read_inspection(Context& ctx, const InspectionProgramme& programme,
                         const Inspection& inspection) {
  const domain::Reach reach = reach_of(ctx, Permission::kInspectionRead);
  return reach.covers(programme.org_path) || reach.covers(inspection.subject_path);
}

domain::inspection::Standing standing_of(Context& ctx, const InspectionProgramme& programme,
                                         const Inspection& inspection) {
  const domain::Reach reach = reach_of(ctx, Permission::kInspectionWrite);
  return {reach.covers(programme.org_path), reach.covers(above_subject(inspection))};
}

Result<InspectionProgramme> readable_programme(Context& ctx, int64_t id) {
  std::optional<InspectionProgramme> programme = ctx.tx.inspection().find_programme(id);
  if (!programme || !reach_of(ctx, Permission::kInspectionRead).covers(programme->org_path))
    return Error::not_found("inspection_programme");
  return std::move(*programme);
}

struct Loaded {
  Inspection inspection;
  InspectionProgramme programme;
};

Result<Loaded> readable_inspection(Context& ctx, int64_t id) {
  std::optional<Inspection> inspection = ctx.tx.inspection().find_inspection(id);
  if (!inspection) return Error::not_found("inspection");
  std::optional<InspectionProgramme> programme =
      ctx.tx.inspection().find_programme(inspection->programme_id);
  if (!programme || !may_read_inspection(ctx, *programme, *inspection))
    return Error::not_found("inspection");
  return Loaded{std::move(*inspection), std::move(*programme)};
}

std::string org_name(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  return org ? org->name : std::string();
}

std::string subject_name(Context& ctx, const Inspection& inspection) {
  if (inspection.subject_member_id.valid()) {
    std::optional<Member> member = ctx.tx.members().find(inspection.subject_member_id);
    return member ? member->full_name : std::string();
  }
  return org_name(ctx, inspection.subject_org_id);
}

// The conclusion's items, in the order it listed them.
std::vector<InspectionItem> items_of(Context& ctx, int64_t inspection) {
  RemediationFilter filter;
  filter.sources = {"inspection"};
  filter.inspection = inspection;
  filter.limit = 1000;
  std::vector<InspectionItem> items = ctx.tx.remediation().list(filter);
  std::sort(items.begin(), items.end(),
            [](const InspectionItem& a, const InspectionItem& b) { return a.id < b.id; });
  return items;
}

InspectionLine line_of(Context& ctx, Inspection inspection) {
  InspectionLine line;
  line.subject_name = subject_name(ctx, inspection);
  for (const InspectionItem& item : items_of(ctx, inspection.id)) {
    if (item.state != "open") continue;
    ++line.open_items;
    if (domain::remediation::overdue(item.state, item.due_on, ctx.today())) ++line.overdue_items;
  }
  line.inspection = std::move(inspection);
  return line;
}

ProgrammeView programme_view(Context& ctx, InspectionProgramme programme) {
  ProgrammeView view;
  view.org_name = org_name(ctx, programme.org_id);
  const domain::Reach read = reach_of(ctx, Permission::kInspectionRead);
  for (Inspection& inspection : ctx.tx.inspection().inspections_of(programme.id)) {
    if (!read.covers(programme.org_path) && !read.covers(inspection.subject_path)) continue;
    view.inspections.push_back(line_of(ctx, std::move(inspection)));
  }
  view.may_write = reach_of(ctx, Permission::kInspectionWrite).covers(programme.org_path);
  view.programme = std::move(programme);
  return view;
}

std::vector<InspectionItemLine> item_lines(Context& ctx, const Inspection& inspection,
                                           const InspectionProgramme& programme,
                                           std::vector<InspectionItem> items) {
  std::vector<InspectionItemLine> lines;
  const std::string name = subject_name(ctx, inspection);
  for (InspectionItem& item : items) {
    InspectionItemLine line;
    line.programme_id = programme.id;
    line.year = programme.year;
    line.subject_name = name;
    line.overdue = domain::remediation::overdue(item.state, item.due_on, ctx.today());
    line.item = std::move(item);
    lines.push_back(std::move(line));
  }
  return lines;
}

InspectionView inspection_view(Context& ctx, Loaded loaded) {
  InspectionView view;
  view.stages = ctx.tx.inspection().stages_of(loaded.inspection.id);
  view.items =
      item_lines(ctx, loaded.inspection, loaded.programme, items_of(ctx, loaded.inspection.id));
  std::optional<Stage> current = domain::inspection::parse_stage(loaded.inspection.stage);
  if (std::optional<Stage> next = domain::inspection::next_stage(current)) {
    view.next_stage = std::string(domain::inspection::stage_code(*next));
    view.may_record_next = domain::inspection::may_record(
        *next, standing_of(ctx, loaded.programme, loaded.inspection));
  }
  view.programme_org_name = org_name(ctx, loaded.programme.org_id);
  view.line = line_of(ctx, std::move(loaded.inspection));
  view.programme = std::move(loaded.programme);
  return view;
}

// Validates one planned inspection and builds it (nothing written); errors are prefixed.
Inspection planned(Context& ctx, const InspectionProgramme& programme,
                   const InspectionRequest& request, const std::string& prefix,
                   std::vector<FieldError>& errors) {
  Inspection inspection;
  domain::inspection::InspectionFacts facts;
  facts.year = programme.year;
  facts.kind = request.kind;
  facts.content = request.content;
  facts.starts_on = request.starts_on;
  facts.ends_on = request.ends_on;
  facts.team = request.team;
  const domain::Reach read = reach_of(ctx, Permission::kInspectionRead);
  if (request.subject_org_id.has_value() == request.subject_member_id.has_value()) {
    errors.push_back(
        {prefix + "subject_org_id", "one_of", {{"fields", "subject_org_id, subject_member_id"}}});
    facts.subject_in_subtree = true;  // reported above
  } else if (request.subject_org_id) {
    facts.subject_field = "subject_org_id";
    std::optional<Organization> org = ctx.tx.orgs().find(*request.subject_org_id);
    facts.subject_in_subtree =
        org && programme.org_path.contains(org->path) && read.covers(org->path);
    if (org) {
      inspection.subject_org_id = org->id;
      inspection.subject_path = org->path;
    }
  } else {
    facts.subject_field = "subject_member_id";
    std::optional<Member> member = ctx.tx.members().find(*request.subject_member_id);
    facts.subject_in_subtree = member && programme.org_path.contains(member->org_path) &&
                               read.covers_member(member->id, member->org_path);
    if (member) {
      inspection.subject_member_id = member->id;
      inspection.subject_path = member->org_path;
    }
  }
  for (FieldError& error : domain::inspection::check_inspection(facts, ctx.services.rules, prefix))
    errors.push_back(std::move(error));
  inspection.programme_id = programme.id;
  inspection.kind = request.kind;
  inspection.content = request.content;
  inspection.starts_on = request.starts_on;
  inspection.ends_on = request.ends_on;
  inspection.team = request.team;
  inspection.created_at = inspection.updated_at = ctx.now();
  inspection.created_by = ctx.actor.name;
  return inspection;
}

std::vector<Inspection> plan_all(Context& ctx, const InspectionProgramme& programme,
                                 const std::vector<InspectionRequest>& requests,
                                 const std::string& list, std::vector<FieldError>& errors) {
  std::vector<Inspection> planned_list;
  for (size_t i = 0; i < requests.size(); ++i)
    planned_list.push_back(
        planned(ctx, programme, requests[i], list + "[" + std::to_string(i) + "].", errors));
  return planned_list;
}

void insert_planned(Context& ctx, const InspectionProgramme& programme,
                    std::vector<Inspection>& inspections) {
  for (Inspection& inspection : inspections) {
    inspection.programme_id = programme.id;
    ctx.tx.inspection().insert_inspection(inspection);
    ctx.audit(
        AuditEntry::about("inspection.plan", "inspection", inspection.id, programme.org_path.str())
            .with("programme_id", programme.id)
            .with("kind", inspection.kind)
            .with("subject_path", inspection.subject_path.str()));
  }
}

// The stage's document: a register document's id, or its number as text.
void check_document(Context& ctx, const std::optional<int64_t>& id, const std::string& text,
                    std::vector<FieldError>& errors) {
  if (id) {
    if (!ctx.tx.documents().find(DocumentId(*id)))
      errors.push_back({"document_id", "not_found", {}});
  } else if (text.empty()) {
    errors.push_back({"document_text", "required", {{"fields", "document_id, document_text"}}});
  }
}

// The checks common to every stage; "" when it may be recorded.
Status check_stage_move(Context& ctx, const Loaded& loaded, Stage stage, int64_t version, Date on,
                        std::vector<FieldError>& errors) {
  if (!domain::inspection::may_record(stage, standing_of(ctx, loaded.programme, loaded.inspection)))
    return Error::forbidden("forbidden");
  if (loaded.inspection.version != version) return Error::stale_version();
  std::optional<Stage> current = domain::inspection::parse_stage(loaded.inspection.stage);
  const std::string refused =
      domain::inspection::check_stage({current, loaded.inspection.stage_on}, stage, on);
  if (refused == "inspection_before_previous") {
    errors.push_back(
        {"on", "inspection_before_previous", {{"previous_on", loaded.inspection.stage_on->iso()}}});
  } else if (!refused.empty()) {
    std::optional<Stage> next = domain::inspection::next_stage(current);
    errors.push_back(
        {"stage",
         refused,
         {{"current", loaded.inspection.stage.empty() ? "planned" : loaded.inspection.stage},
          {"expected", next ? std::string(domain::inspection::stage_code(*next)) : std::string()},
          {"source", domain::inspection::kStageSource}}});
  }
  if (on > ctx.today()) errors.push_back({"on", "in_future", {}});
  return Ok();
}

void record_stage(Context& ctx, Loaded& loaded, Stage stage, Date on,
                  const std::optional<int64_t>& document_id, const std::string& document_text) {
  InspectionStageRecord record;
  record.inspection_id = loaded.inspection.id;
  record.stage = std::string(domain::inspection::stage_code(stage));
  record.on = on;
  record.document_id = document_id;
  record.document_text = document_text;
  record.recorded_at = ctx.now();
  record.recorded_by = ctx.actor.name;
  ctx.tx.inspection().insert_stage(record);
  loaded.inspection.stage = record.stage;
  loaded.inspection.stage_on = on;
  loaded.inspection.updated_at = record.recorded_at;
}

}  // namespace inspection_detail

Result<ProgrammeView> create_inspection_programme(Context& ctx, const ProgrammeRequest& request) {
  std::optional<Organization> org = ctx.tx.orgs().find(request.org_id);
  if (!org) return Error::not_found("organization");
  if (Status allowed =
          require_reach(ctx, domain::Permission::kInspectionWrite,
                        domain::Permission::kInspectionRead, org->path, "organization");
      !allowed)
    return std::move(allowed).error();
  if (!org->active()) return Error::conflict("org_not_active");
  std::vector<FieldError> errors =
      domain::inspection::check_programme({request.year, request.issuer, request.title});
  if (!errors.empty()) return inspection_detail::invalid(std::move(errors));
  if (ctx.tx.inspection().programme_exists(org->id, request.year, request.issuer))
    return Error::conflict("inspection_programme_exists",
                           {{"year", std::to_string(request.year)}, {"issuer", request.issuer}});
  InspectionProgramme programme;
  programme.org_id = org->id;
  programme.org_path = org->path;
  programme.year = request.year;
  programme.issuer = request.issuer;
  programme.title = request.title;
  programme.note = request.note;
  std::vector<Inspection> inspections =
      inspection_detail::plan_all(ctx, programme, request.inspections, "inspections", errors);
  if (!errors.empty()) return inspection_detail::invalid(std::move(errors));
  programme.created_at = programme.updated_at = ctx.now();
  programme.created_by = ctx.actor.name;
  ctx.tx.inspection().insert_programme(programme);
  ctx.audit(AuditEntry::about("inspection.programme_create", "inspection_programme", programme.id,
                              programme.org_path.str())
                .with("year", programme.year)
                .with("issuer", programme.issuer)
                .with("inspections", inspections.size()));
  inspection_detail::insert_planned(ctx, programme, inspections);
  return inspection_detail::programme_view(ctx, std::move(programme));
}

Result<std::vector<ProgrammeLine>> list_inspection_programmes(Context& ctx, OrgId id, int year) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org || !reach_of(ctx, domain::Permission::kInspectionRead).covers(org->path))
    return Error::not_found("organization");
  std::vector<ProgrammeLine> lines;
  for (InspectionProgramme& programme : ctx.tx.inspection().programmes(org->path, year)) {
    ProgrammeLine line;
    line.org_name = inspection_detail::org_name(ctx, programme.org_id);
    line.inspections =
        static_cast<int64_t>(ctx.tx.inspection().inspections_of(programme.id).size());
    line.programme = std::move(programme);
    lines.push_back(std::move(line));
  }
  return lines;
}

Result<ProgrammeView> get_inspection_programme(Context& ctx, int64_t id) {
  Result<InspectionProgramme> programme = inspection_detail::readable_programme(ctx, id);
  if (!programme) return std::move(programme).error();
  return inspection_detail::programme_view(ctx, std::move(*programme));
}

Result<ProgrammeView> update_inspection_programme(Context& ctx, const ProgrammePatch& patch) {
  Result<InspectionProgramme> found = inspection_detail::readable_programme(ctx, patch.id);
  if (!found) return std::move(found).error();
  InspectionProgramme programme = std::move(*found);
  if (!reach_of(ctx, domain::Permission::kInspectionWrite).covers(programme.org_path))
    return Error::forbidden("forbidden");
  if (programme.version != patch.version) return Error::stale_version();
  std::vector<FieldError> errors;
  if (patch.title && patch.title->empty()) errors.push_back({"title", "required", {}});
  std::vector<Inspection> inspections =
      inspection_detail::plan_all(ctx, programme, patch.add_inspections, "add_inspections", errors);
  if (!errors.empty()) return inspection_detail::invalid(std::move(errors));
  if (patch.title) programme.title = *patch.title;
  if (patch.note) programme.note = *patch.note;
  programme.updated_at = ctx.now();
  if (!ctx.tx.inspection().update_programme(programme)) return Error::stale_version();
  ++programme.version;
  ctx.audit(AuditEntry::about("inspection.programme_update", "inspection_programme", programme.id,
                              programme.org_path.str())
                .with("title", programme.title)
                .with("added_inspections", inspections.size()));
  inspection_detail::insert_planned(ctx, programme, inspections);
  return inspection_detail::programme_view(ctx, std::move(programme));
}

Result<InspectionView> get_inspection(Context& ctx, int64_t id) {
  Result<inspection_detail::Loaded> loaded = inspection_detail::readable_inspection(ctx, id);
  if (!loaded) return std::move(loaded).error();
  return inspection_detail::inspection_view(ctx, std::move(*loaded));
}

Result<InspectionView> advance_inspection(Context& ctx, const StageRequest& request) {
  Result<inspection_detail::Loaded> found = inspection_detail::readable_inspection(ctx, request.id);
  if (!found) return std::move(found).error();
  inspection_detail::Loaded loaded = std::move(*found);
  std::optional<inspection_detail::Stage> stage = domain::inspection::parse_stage(request.stage);
  if (!stage)
    return inspection_detail::invalid_field("stage", "not_allowed",
                                            {{"allowed", "decision, plan, work, report"}});
  if (*stage == inspection_detail::Stage::kConclusion)
    return inspection_detail::invalid_field("stage", "inspection_conclusion_route",
                                            {{"route", "/api/v1/inspections/{id}/conclusion"}});
  std::vector<FieldError> errors;
  if (Status allowed = inspection_detail::check_stage_move(ctx, loaded, *stage, request.version,
                                                           request.on, errors);
      !allowed)
    return std::move(allowed).error();
  inspection_detail::check_document(ctx, request.document_id, request.document_text, errors);
  if (!errors.empty()) return inspection_detail::invalid(std::move(errors));
  inspection_detail::record_stage(ctx, loaded, *stage, request.on, request.document_id,
                                  request.document_text);
  if (!ctx.tx.inspection().update_inspection(loaded.inspection)) return Error::stale_version();
  ++loaded.inspection.version;
  ctx.audit(AuditEntry::about("inspection.stage", "inspection", loaded.inspection.id,
                              loaded.inspection.subject_path.str())
                .with("stage", request.stage)
                .with("on", request.on.iso())
                .with("document_id", request.document_id ? nlohmann::json(*request.document_id)
                                                         : nlohmann::json(nullptr))
                .with("document_text", request.document_text));
  return inspection_detail::inspection_view(ctx, std::move(loaded));
}

Result<InspectionView> conclude_inspection(Context& ctx, const ConclusionRequest& request) {
  Result<inspection_detail::Loaded> found = inspection_detail::readable_inspection(ctx, request.id);
  if (!found) return std::move(found).error();
  inspection_detail::Loaded loaded = std::move(*found);
  std::vector<FieldError> errors;
  if (Status allowed = inspection_detail::check_stage_move(
          ctx, loaded, inspection_detail::Stage::kConclusion, request.version, request.on, errors);
      !allowed)
    return std::move(allowed).error();
  inspection_detail::check_document(ctx, request.document_id, request.document_text, errors);
  if (request.text.empty()) errors.push_back({"text", "required", {}});
  for (size_t i = 0; i < request.items.size(); ++i) {
    const ItemRequest& item = request.items[i];
    for (FieldError& error : domain::remediation::check_item(
             domain::remediation::inspection_source(),
             {item.kind, item.description, item.action, item.owner, item.due_on}, request.on,
             ctx.services.rules, "items[" + std::to_string(i) + "]."))
      errors.push_back(std::move(error));
  }
  if (!errors.empty()) return inspection_detail::invalid(std::move(errors));
  inspection_detail::record_stage(ctx, loaded, inspection_detail::Stage::kConclusion, request.on,
                                  request.document_id, request.document_text);
  loaded.inspection.conclusion = request.text;
  if (!ctx.tx.inspection().update_inspection(loaded.inspection)) return Error::stale_version();
  ++loaded.inspection.version;
  // The items lie at the subject: the organization, or the member's organization.
  OrgId item_org = loaded.inspection.subject_org_id;
  if (!item_org.valid() && loaded.inspection.subject_member_id.valid()) {
    if (std::optional<Member> member = ctx.tx.members().find(loaded.inspection.subject_member_id))
      item_org = member->org_id;
  }
  for (const ItemRequest& request_item : request.items) {
    InspectionItem item;
    item.source = std::string(domain::remediation::inspection_source().name);
    item.inspection_id = loaded.inspection.id;
    item.year = loaded.programme.year;
    item.member_id = loaded.inspection.subject_member_id;
    item.org_id = item_org;
    item.org_path = loaded.inspection.subject_path;
    item.kind = request_item.kind;
    item.description = request_item.description;
    item.action = request_item.action;
    item.owner = request_item.owner;
    item.due_on = request_item.due_on;
    item.state = "open";
    item.created_at = item.updated_at = ctx.now();
    item.created_by = ctx.actor.name;
    ctx.tx.remediation().insert(item);
  }
  ctx.audit(AuditEntry::about("inspection.conclude", "inspection", loaded.inspection.id,
                              loaded.inspection.subject_path.str())
                .with("on", request.on.iso())
                .with("items", request.items.size())
                .with("document_text", request.document_text));
  return inspection_detail::inspection_view(ctx, std::move(loaded));
}

Result<InspectionItemLine> close_inspection_item(Context& ctx, const CloseItemRequest& request) {
  const domain::remediation::Source& source = domain::remediation::inspection_source();
  std::optional<InspectionItem> item =
      ctx.tx.remediation().find(std::string(source.name), request.id);
  if (!item) return Error::not_found("inspection_item");
  Result<inspection_detail::Loaded> loaded =
      inspection_detail::readable_inspection(ctx, item->inspection_id);
  if (!loaded) return Error::not_found("inspection_item");
  // Closing is the team's or the issuer's (a level above the subject), not the subject's own.
  const domain::inspection::Standing standing =
      inspection_detail::standing_of(ctx, loaded->programme, loaded->inspection);
  if (!standing.issuer && !standing.above_subject) return Error::forbidden("forbidden");
  if (item->version != request.version) return Error::stale_version();
  const Date concluded_on = loaded->inspection.stage_on.value_or(Date());
  domain::remediation::CloseCheck check = domain::remediation::check_close(
      source, item->state, request.evidence, request.closed_on, concluded_on, ctx.today());
  if (!check.conflict.empty())
    return Error::conflict(std::move(check.conflict),
                           {{"closed_on", item->closed_on ? item->closed_on->iso() : ""}});
  if (!check.errors.empty()) return inspection_detail::invalid(std::move(check.errors));
  item->evidence = request.evidence;
  item->closed_on = request.closed_on;
  item->state = "closed";
  item->updated_at = ctx.now();
  if (!ctx.tx.remediation().update(*item)) return Error::stale_version();
  ++item->version;
  ctx.audit(
      AuditEntry::about("inspection.item_close", "inspection_item", item->id, item->org_path.str())
          .with("inspection_id", item->inspection_id)
          .with("closed_on", request.closed_on.iso()));
  return std::move(
      inspection_detail::item_lines(ctx, loaded->inspection, loaded->programme, {*item}).front());
}

Result<std::vector<InspectionItemLine>> list_inspection_items(Context& ctx,
                                                              const InspectionItemQuery& query) {
  std::optional<Organization> org = ctx.tx.orgs().find(query.org_id);
  if (!org || !reach_of(ctx, domain::Permission::kInspectionRead).covers(org->path))
    return Error::not_found("organization");
  RemediationFilter filter;
  filter.sources = {"inspection"};
  filter.subtree = org->path;
  filter.state = query.state;
  filter.kind = query.kind;
  if (query.overdue) filter.overdue_on = ctx.today();
  filter.limit = query.limit;
  std::vector<InspectionItemLine> lines;
  for (InspectionItem& item : ctx.tx.remediation().list(filter)) {
    Result<inspection_detail::Loaded> loaded =
        inspection_detail::readable_inspection(ctx, item.inspection_id);
    if (!loaded) continue;
    auto line = inspection_detail::item_lines(ctx, loaded->inspection, loaded->programme,
                                              {std::move(item)});
    lines.push_back(std::move(line.front()));
  }
  return lines;
}

}  // namespace chibo::app
