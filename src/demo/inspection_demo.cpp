#include "demo/inspection_demo.h"

#include <array>

#include "storage/sql/inspection/inspection_repository.h"
#include "storage/sql/remediation/remediation_repository.h"

namespace chibo::demo {

// Named, not anonymous: the unity build joins this file with the other demo parts.
namespace inspection_demo {

constexpr size_t kInspectedCommittees = 6;
constexpr std::array<const char*, 6> kInspectionKinds = {
    "task_performance",           "party_finance",  "supervision_thematic", "supervision_regular",
    "lower_inspection_committee", "violation_signs"};
constexpr std::array<const char*, 6> kInspectionContents = {
    "Kiểm tra việc thực hiện Nghị quyết Đại hội và quy chế làm việc của cấp ủy",
    "Kiểm tra thu, chi, nộp và quản lý đảng phí",
    "Giám sát chuyên đề việc thực hiện nguyên tắc tập trung dân chủ",
    "Giám sát thường xuyên việc chấp hành chỉ thị, nghị quyết của cấp trên",
    "Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát của ủy ban kiểm tra cấp dưới",
    "Kiểm tra khi có dấu hiệu vi phạm trong quản lý tài chính, tài sản"};
constexpr std::array<const char*, 4> kInspectionTeam = {"Nguyễn Văn Thanh", "Trần Thị Hằng",
                                                        "Lê Minh Tuấn", "Phạm Thị Liên"};

}  // namespace inspection_demo

using namespace inspection_demo;

InspectionDemo::InspectionDemo(uint64_t seed, Date today, std::string now)
    : rng_(seed ^ 0x1f5ec7), today_(today), now_(std::move(now)) {}

void InspectionDemo::org_added(const domain::Organization& org, bool in_bloc) {
  if (!in_bloc || org.kind == "party_central") return;  // the national root is not the bloc's
  if (!root_) {
    root_ = OrgEntry{org.id.value, org.path, org.name};
    return;
  }
  if (org.parent_id.value == root_->id && committees_.size() < kInspectedCommittees &&
      (org.kind == "committee_above_base" || org.kind == "base_committee"))
    committees_.push_back({org.id.value, org.path, org.name});
}

void InspectionDemo::write(soci::session& session) {
  if (!root_ || committees_.empty()) return;
  storage::SqlInspectionRepository repo(session);
  storage::SqlRemediationRepository items_repo(session);
  for (int year : {today_.year() - 1, today_.year()}) {
    app::InspectionProgramme programme;
    programme.org_id = OrgId(root_->id);
    programme.org_path = root_->path;
    programme.year = year;
    programme.issuer = "inspection_committee";
    programme.title = "Chương trình kiểm tra, giám sát năm " + std::to_string(year) +
                      " của Ủy ban Kiểm tra " + root_->name;
    programme.created_at = programme.updated_at = now_;
    programme.created_by = "demo";
    repo.insert_programme(programme);
    ++report_.programmes;
    for (size_t i = 0; i < committees_.size(); ++i) {
      const int count = 1 + static_cast<int>(rng_.below(2));
      for (int n = 0; n < count; ++n) {
        const size_t k =
            (i * 2 + static_cast<size_t>(n) + static_cast<size_t>(year)) % kInspectionKinds.size();
        // Windows spread over the year: February to November.
        const int month = 2 + static_cast<int>((i * 3 + static_cast<size_t>(n) * 5) % 10);
        app::Inspection inspection;
        inspection.programme_id = programme.id;
        inspection.kind = kInspectionKinds[k];
        inspection.subject_org_id = OrgId(committees_[i].id);
        inspection.subject_path = committees_[i].path;
        inspection.content = std::string(kInspectionContents[k]) + " của " + committees_[i].name;
        inspection.starts_on = *Date::from_ymd(year, month, 1 + static_cast<int>(rng_.below(10)));
        inspection.ends_on = inspection.starts_on.add_days(20 + static_cast<int>(rng_.below(20)));
        inspection.team = {kInspectionTeam[(i + n) % kInspectionTeam.size()],
                           kInspectionTeam[(i + n + 1) % kInspectionTeam.size()],
                           kInspectionTeam[(i + n + 2) % kInspectionTeam.size()]};
        inspection.created_at = inspection.updated_at = now_;
        inspection.created_by = "demo";
        repo.insert_inspection(inspection);
        ++report_.inspections;
        // The stages the window has reached by today, each on its day with its document.
        const std::array<std::pair<const char*, Date>, 5> stages = {{
            {"decision", inspection.starts_on.add_days(-10)},
            {"plan", inspection.starts_on.add_days(-5)},
            {"work", inspection.starts_on.add_days(5)},
            {"report", inspection.ends_on},
            {"conclusion", inspection.ends_on.add_days(15)},
        }};
        const std::string number = std::to_string(10 + report_.inspections);
        const std::array<std::string, 5> documents = {number + "-QĐ/UBKTĐUK", number + "-KH/ĐKT",
                                                      "Biên bản làm việc", number + "-BC/ĐKT",
                                                      number + "-TB/UBKTĐUK"};
        for (size_t s = 0; s < stages.size(); ++s) {
          if (stages[s].second > today_) break;
          app::InspectionStageRecord record;
          record.inspection_id = inspection.id;
          record.stage = stages[s].first;
          record.on = stages[s].second;
          record.document_text = documents[s];
          record.recorded_at = now_;
          record.recorded_by = "demo";
          repo.insert_stage(record);
          inspection.stage = record.stage;
          inspection.stage_on = record.on;
        }
        if (inspection.stage.empty()) continue;
        const bool concluded = inspection.stage == "conclusion";
        if (concluded)
          inspection.conclusion =
              "Tổ chức đảng được kiểm tra cơ bản thực hiện tốt; còn một số hạn chế cần khắc phục.";
        repo.update_inspection(inspection);
        if (!concluded) continue;
        ++report_.concluded;
        const int items = 1 + static_cast<int>(rng_.below(3));
        for (int j = 0; j < items; ++j) {
          app::InspectionItem item;
          item.source = "inspection";
          item.inspection_id = inspection.id;
          item.year = year;
          item.org_id = inspection.subject_org_id;
          item.org_path = inspection.subject_path;
          item.kind = j == 0 && rng_.chance(0.5) ? "violation" : "recommendation";
          item.description = item.kind == "violation"
                                 ? "Chậm quyết toán, nộp đảng phí về cấp trên"
                                 : "Bổ sung, hoàn thiện quy chế làm việc của cấp ủy";
          item.action = item.kind == "violation" ? "Quyết toán, nộp đủ đảng phí còn thiếu"
                                                 : "Ban hành quy chế làm việc sửa đổi";
          item.owner = "Ban Thường vụ " + committees_[i].name;
          item.due_on = inspection.stage_on->add_months(2 + static_cast<int>(rng_.below(5)));
          item.state = "open";
          if (item.due_on <= today_ && rng_.chance(0.6)) {
            item.state = "closed";
            item.closed_on = item.due_on.add_days(-static_cast<int>(rng_.below(20)));
            item.evidence = "Báo cáo kết quả khắc phục đã gửi Ủy ban Kiểm tra";
          }
          item.created_at = item.updated_at = now_;
          item.created_by = "demo";
          items_repo.insert(item);
          ++report_.items;
          if (item.state == "open") {
            ++report_.items_open;
            if (item.due_on < today_) ++report_.items_overdue;
          }
        }
      }
    }
  }
}

}  // namespace chibo::demo
