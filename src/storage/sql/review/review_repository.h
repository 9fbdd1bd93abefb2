// Review campaigns, their organizations' grades, members' reviews and the grade counts per
// subtree, on SOCI (SQLite and PostgreSQL); the shortcomings are storage/sql/remediation.
#pragma once

#include <soci/soci.h>

#include "app/ports/review.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlReviewRepository : public app::ReviewRepository {
 public:
  explicit SqlReviewRepository(soci::session& session) : session_(session) {}

  std::optional<app::ReviewCampaign> find_campaign(int64_t id) override;
  bool campaign_overlaps(const OrgPath& path, int year) override;
  std::vector<app::ReviewCampaign> campaigns_covering(const OrgPath& path) override;
  void insert_campaign(app::ReviewCampaign& campaign) override;
  int64_t fan_out(const app::ReviewCampaign& campaign) override;
  int64_t fanout_targets(const OrgPath& path) override;
  int64_t fan_out_batch(const app::ReviewCampaign& campaign, int limit,
                        std::string& last_path) override;
  bool update_campaign_fanout(const app::ReviewCampaign& campaign, int64_t before_batches) override;

  std::optional<app::ReviewUnit> find_unit(int64_t campaign, OrgId org) override;
  std::vector<app::ReviewUnit> child_units(int64_t campaign, OrgId parent) override;
  int64_t ungraded_children(int64_t campaign, OrgId parent) override;
  bool update_unit(const app::ReviewUnit& unit) override;

  std::optional<app::MemberReview> find_member_review(int64_t campaign, MemberId member) override;
  std::vector<app::MemberReview> member_reviews_in(int64_t campaign, OrgId org) override;
  std::vector<app::MemberReview> reviews_of_member(MemberId member) override;
  void insert_member_review(app::MemberReview& review) override;
  bool update_member_review(const app::MemberReview& review) override;
  domain::review::QuotaCount group_count(int64_t campaign, OrgId group) override;

  void adjust_counts(int64_t campaign, const std::map<OrgId, app::GradeCounts>& deltas) override;
  app::GradeCounts counts(int64_t campaign, OrgId org) override;
  std::map<OrgId, app::GradeCounts> counts_of(int64_t campaign,
                                              const std::vector<OrgId>& orgs) override;

  bool update_campaign_state(const app::ReviewCampaign& campaign) override;
  std::vector<MemberId> undecided_members(int64_t campaign, const OrgPath& subtree,
                                          const std::vector<std::string>& statuses) override;

 private:
  std::vector<app::ReviewCampaign> select_campaigns(const std::string& where, Bindings& bindings);
  std::vector<app::ReviewUnit> select_units(const std::string& where, Bindings& bindings);
  std::vector<app::MemberReview> select_member_reviews(const std::string& where,
                                                       Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
