// Inspection programmes, their inspections and stages, on SOCI (SQLite and PostgreSQL); the
// conclusions' items are storage/sql/remediation.
#pragma once

#include <soci/soci.h>

#include "app/ports/inspection.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlInspectionRepository : public app::InspectionRepository {
 public:
  explicit SqlInspectionRepository(soci::session& session) : session_(session) {}

  std::optional<app::InspectionProgramme> find_programme(int64_t id) override;
  bool programme_exists(OrgId org, int year, const std::string& issuer) override;
  std::vector<app::InspectionProgramme> programmes(const OrgPath& subtree, int year) override;
  void insert_programme(app::InspectionProgramme& programme) override;
  bool update_programme(const app::InspectionProgramme& programme) override;

  std::optional<app::Inspection> find_inspection(int64_t id) override;
  std::vector<app::Inspection> inspections_of(int64_t programme) override;
  void insert_inspection(app::Inspection& inspection) override;
  bool update_inspection(const app::Inspection& inspection) override;

  void insert_stage(const app::InspectionStageRecord& record) override;
  std::vector<app::InspectionStageRecord> stages_of(int64_t inspection) override;

 private:
  std::vector<app::InspectionProgramme> select_programmes(const std::string& where,
                                                          Bindings& bindings);
  std::vector<app::Inspection> select_inspections(const std::string& where, Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
