// What the inspection use cases (issue 15; rules-reference §8) need from storage, inside the
// transactions of app/ports/store.h. Overdue is never stored: open past due (domain/remediation).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/remediation.h"
#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"

namespace chibo::app {

struct InspectionProgramme {
  int64_t id = 0;
  OrgId org_id;
  OrgPath org_path;
  int year = 0;
  std::string issuer;  // "committee", "inspection_committee"
  std::string title;
  std::string note;
  int64_t version = 0;
  std::string created_at;
  std::string created_by;
  std::string updated_at;
};

struct Inspection {
  int64_t id = 0;
  int64_t programme_id = 0;
  std::string kind;
  OrgId subject_org_id;        // invalid when the subject is a member
  MemberId subject_member_id;  // invalid when the subject is an organization
  OrgPath subject_path;        // the organization's, or the member's organization's
  std::string content;
  Date starts_on;
  Date ends_on;
  std::vector<std::string> team;  // the head first
  std::string stage;              // "" planned, else the last stage recorded
  std::optional<Date> stage_on;
  std::string conclusion;
  int64_t version = 0;
  std::string created_at;
  std::string created_by;
  std::string updated_at;
};

struct InspectionStageRecord {
  int64_t inspection_id = 0;
  std::string stage;
  Date on;
  std::optional<int64_t> document_id;
  std::string document_text;
  std::string recorded_at;
  std::string recorded_by;
};

// A conclusion's violation or recommendation: an item of the remediation table, source
// "inspection" (app/ports/remediation.h).
using InspectionItem = RemediationItem;

class InspectionRepository {
 public:
  virtual ~InspectionRepository() = default;
  virtual std::optional<InspectionProgramme> find_programme(int64_t id) = 0;
  virtual bool programme_exists(OrgId org, int year, const std::string& issuer) = 0;
  // Programmes issued at `subtree` or below it in `year` (0: any), by path then issuer.
  virtual std::vector<InspectionProgramme> programmes(const OrgPath& subtree, int year) = 0;
  virtual void insert_programme(InspectionProgramme& programme) = 0;
  virtual bool update_programme(const InspectionProgramme& programme) = 0;  // version check

  virtual std::optional<Inspection> find_inspection(int64_t id) = 0;
  virtual std::vector<Inspection> inspections_of(int64_t programme) = 0;
  virtual void insert_inspection(Inspection& inspection) = 0;
  virtual bool update_inspection(const Inspection& inspection) = 0;  // version check; bumps it

  virtual void insert_stage(const InspectionStageRecord& record) = 0;
  virtual std::vector<InspectionStageRecord> stages_of(int64_t inspection) = 0;
};

}  // namespace chibo::app
