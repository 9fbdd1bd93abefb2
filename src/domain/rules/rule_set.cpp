#include "domain/rules/rule_set.h"

#include <algorithm>

namespace chibo::domain {

Result<RuleSet> RuleSet::build(std::vector<RuleParameter> parameters,
                               const std::vector<std::string>& required_keys) {
  RuleSet rules;
  for (RuleParameter& parameter : parameters) {
    rules.versions_[parameter.key].push_back(std::move(parameter));
  }
  for (auto& [key, versions] : rules.versions_) {
    std::sort(versions.begin(), versions.end(), [](const RuleParameter& a, const RuleParameter& b) {
      return a.effective_from < b.effective_from;
    });
    for (size_t index = 1; index < versions.size(); ++index) {
      if (versions[index].effective_from == versions[index - 1].effective_from) {
        return Error::invalid_field(key, "rule_duplicate_date",
                                    {{"date", versions[index].effective_from.iso()}});
      }
    }
  }
  for (const std::string& key : required_keys) {
    if (!rules.versions_.count(key)) return Error::invalid_field(key, "rule_missing");
  }
  return rules;
}

const RuleParameter* RuleSet::in_force(std::string_view key, Date on) const {
  const auto found = versions_.find(key);
  if (found == versions_.end()) return nullptr;
  const RuleParameter* current = nullptr;
  for (const RuleParameter& version : found->second) {
    if (version.effective_from > on) break;
    current = &version;
  }
  return current;
}

const RuleParameter* RuleSet::latest(std::string_view key) const {
  const auto found = versions_.find(key);
  if (found == versions_.end() || found->second.empty()) return nullptr;
  return &found->second.back();
}

const std::vector<RuleParameter>& RuleSet::versions(std::string_view key) const {
  static const std::vector<RuleParameter> kNone;
  const auto found = versions_.find(key);
  return found == versions_.end() ? kNone : found->second;
}

std::vector<RuleParameter> RuleSet::all() const {
  std::vector<RuleParameter> flat;
  for (const auto& [key, versions] : versions_) {
    flat.insert(flat.end(), versions.begin(), versions.end());
  }
  return flat;
}

const std::vector<std::string>& registry_rule_keys() {
  static const std::vector<std::string> keys = {
      "org.min_official_members",
      "org.base_cell_max_members",
      "org.base_committee_min_members",
      "member.min_admission_age_years",
  };
  return keys;
}

const std::vector<std::string>& lifecycle_rule_keys() {
  static const std::vector<std::string> keys = {
      "admission.min_age_months",
      "admission.max_age_months",
      "admission.course_valid_months",
      "admission.introducers",
      "admission.introducer_known_months",
      "admission.youth_union_replaces_introducer",
      "admission.youth_max_age_years",
      "admission.cell_vote_share",
      "admission.base_vote_share",
      "admission.decision_working_days",
      "admission.ceremony_working_days",
      "probation.months",
      "recognition.consider_working_days",
      "recognition.decision_working_days",
      "recognition.cell_vote_share",
      "transfer.present_working_days",
      "transfer.temporary_min_months",
      "transfer.temporary_work_max_months",
      "transfer.temporary_study_max_months",
      "transfer.late_days_deducted",
      "readmission.wait_months",
      "readmission.wait_after_record_months",
      "readmission.max_times",
      "exit.probationary_may_be_expelled",
      "exemption.probationary_allowed",
      "badge.milestone_years",
      "badge.occasions",
  };
  return keys;
}

const std::vector<std::string>& document_rule_keys() {
  static const std::vector<std::string> keys = {
      "document.number_min_digits",     "document.date_day_pad_below",
      "document.date_month_pad_below",  "term.standard_months",
      "term.standard_tolerance_months", "term.cell_months",
      "term.cell_tolerance_months",     "committee.cell_committee_min_official",
      "committee.cell_committee_max",   "committee.cell_deputies_max",
  };
  return keys;
}

const std::vector<std::string>& calendar_rule_keys() {
  static const std::vector<std::string> keys = {
      "calendar.years",          "calendar.weekly_rest_days",
      "holiday.solar_days",      "holiday.national_day_adjacent",
      "holiday.hung_kings_days", "holiday.tet_days",
      "holiday.tet_first_day",   "holiday.weekend_compensated",
  };
  return keys;
}

const std::vector<std::string>& followup_rule_keys() {
  static const std::vector<std::string> keys = {
      "followup.reminder_days",
      "followup.escalation_days",
      "followup.working_days",
  };
  return keys;
}

const std::vector<std::string>& dues_rule_keys() {
  static const std::vector<std::string> keys = {
      "dues.bhxh_salary_rate_bp",
      "dues.bhxh_benefit_rate_bp",
      "dues.pension_rate_bp",
      "dues.student_amount",
      "dues.abroad_allowance_rate_bp",
      "dues.abroad_fixed_min",
      "dues.abroad_fixed_max",
      "dues.other_fixed_min",
      "dues.other_fixed_max",
      "dues.exempt_party_age_years",
      "dues.reduction_percents",
      "dues.reduction_max_months",
      "dues.rounding_unit_dong",
      "dues.unpaid_months_for_removal",
      "dues.keep_bp.cell",
      "dues.keep_bp.sub_committee",
      "dues.keep_bp.base",
      "dues.keep_bp.commune_base",
      "dues.keep_bp.above_base",
      "dues.keep_bp.central",
      "dues.joining_day_cutoff",
      "dues.leaving_day_cutoff",
  };
  return keys;
}

const std::vector<std::string>& plans_rule_keys() {
  static const std::vector<std::string> keys = {
      "plans.heads_due",
      "plans.members_due",
      "plans.heads_first_refuses",
      "plans.mid_year_review_opens",
      "plans.mid_year_review_closes",
      "plans.year_end_review_opens",
      "plans.year_end_review_closes",
  };
  return keys;
}

const std::vector<std::string>& review_rule_keys() {
  static const std::vector<std::string> keys = {
      "review.excellent_min_score_tenths", "review.good_min_score_tenths",
      "review.completed_min_score_tenths", "review.excellent_min_exceeded_pct",
      "review.good_min_on_time_pct",       "review.collective_completed_max_late_pct",
      "review.disciplined_max_grade",      "review.excellent_quota_pct",
      "review.min_months_since_admission", "review.screening_consecutive_years",
  };
  return keys;
}

const std::vector<std::string>& meetings_rule_keys() {
  static const std::vector<std::string> keys = {
      "meetings.regular_every_months",   "meetings.thematic_every_months",
      "meetings.min_attendance_percent", "meetings.max_unexcused_absences",
      "meetings.max_excused_in_a_row",   "meetings.absent_months_for_removal",
      "meetings.resolution_vote_share",
  };
  return keys;
}

const std::vector<std::string>& directives_rule_keys() {
  static const std::vector<std::string> keys = {
      "directives.period_report_days",
      "directives.period_report_working_days",
  };
  return keys;
}

const std::vector<std::string>& inspection_rule_keys() {
  static const std::vector<std::string> keys = {
      "inspection.min_team_members",
      "inspection.item_max_due_months",
  };
  return keys;
}

const std::vector<std::string>& discipline_rule_keys() {
  static const std::vector<std::string> keys = {
      "discipline.vote_share_reprimand",
      "discipline.vote_share_expulsion",
      "discipline.limitation_reprimand_years",
      "discipline.limitation_warning_years",
      "discipline.appeal_period_days",
      "discipline.appeal_period_working_days",
      "discipline.appeal_resolve_days",
      "discipline.appeal_resolve_working_days",
      "discipline.state_notice_days",
      "discipline.state_notice_working_days",
      "discipline.suspension_days",
      "discipline.suspension_max_days",
      "discipline.org_suspension_days",
      "discipline.appeal_final_rank_reprimand",
      "discipline.appeal_final_rank_warning",
      "discipline.appeal_final_rank_dismissal",
      "discipline.appeal_final_rank_expulsion",
      "discipline.appeal_final_rank_dissolution",
  };
  return keys;
}

const std::vector<std::string>& compliance_rule_keys() {
  static const std::vector<std::string> keys = {
      "compliance.serious_after_days",
      "compliance.critical_after_days",
      "compliance.limitation_warn_days",
  };
  return keys;
}

const std::vector<std::string>& stats_rule_keys() {
  static const std::vector<std::string> keys = {
      "stats.earliest_as_of_ymd",
      "stats.report_max_months",
  };
  return keys;
}

std::vector<std::string> required_rule_keys() {
  std::vector<std::string> keys = registry_rule_keys();
  const std::vector<std::string>& lifecycle = lifecycle_rule_keys();
  keys.insert(keys.end(), lifecycle.begin(), lifecycle.end());
  const std::vector<std::string>& documents = document_rule_keys();
  keys.insert(keys.end(), documents.begin(), documents.end());
  const std::vector<std::string>& calendar = calendar_rule_keys();
  keys.insert(keys.end(), calendar.begin(), calendar.end());
  const std::vector<std::string>& followup = followup_rule_keys();
  keys.insert(keys.end(), followup.begin(), followup.end());
  const std::vector<std::string>& dues = dues_rule_keys();
  keys.insert(keys.end(), dues.begin(), dues.end());
  const std::vector<std::string>& plans = plans_rule_keys();
  keys.insert(keys.end(), plans.begin(), plans.end());
  const std::vector<std::string>& review = review_rule_keys();
  keys.insert(keys.end(), review.begin(), review.end());
  const std::vector<std::string>& meetings = meetings_rule_keys();
  keys.insert(keys.end(), meetings.begin(), meetings.end());
  const std::vector<std::string>& directives = directives_rule_keys();
  keys.insert(keys.end(), directives.begin(), directives.end());
  const std::vector<std::string>& inspection = inspection_rule_keys();
  keys.insert(keys.end(), inspection.begin(), inspection.end());
  const std::vector<std::string>& discipline = discipline_rule_keys();
  keys.insert(keys.end(), discipline.begin(), discipline.end());
  const std::vector<std::string>& compliance = compliance_rule_keys();
  keys.insert(keys.end(), compliance.begin(), compliance.end());
  const std::vector<std::string>& stats = stats_rule_keys();
  keys.insert(keys.end(), stats.begin(), stats.end());
  return keys;
}

}  // namespace chibo::domain
