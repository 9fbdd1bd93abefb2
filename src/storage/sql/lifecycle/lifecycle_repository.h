// Recognition steps, party-age gaps, badge awards and the lifecycle's member lists, on SOCI
// (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include "app/ports/store.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlLifecycleRepository : public app::LifecycleRepository {
 public:
  SqlLifecycleRepository(soci::session& session, const std::vector<std::string>& on_roll_statuses)
      : session_(session), on_roll_statuses_(on_roll_statuses) {}

  std::vector<domain::RecognitionRecord> recognition(MemberId member,
                                                     Date probation_ends_on) override;
  void add_recognition(MemberId member, Date probation_ends_on,
                       const domain::RecognitionRecord& step) override;
  std::vector<app::Member> probationary(const app::ProbationQuery& query) override;
  std::map<MemberId, std::vector<domain::RecognitionRecord>> recognition_of(
      const std::vector<app::Member>& members) override;
  std::vector<app::StoredGap> gaps(MemberId member) override;
  void add_gap(MemberId member, const app::StoredGap& gap, const std::string& now) override;
  std::vector<app::BadgeAward> awards(MemberId member) override;
  bool has_award(MemberId member, int milestone) override;
  void add_award(const app::BadgeAward& award) override;
  std::vector<domain::BadgeFacts> badge_facts(const app::BadgeQuery& query) override;
  std::vector<std::pair<app::Member, std::string>> members_with_org(
      const std::vector<MemberId>& ids) override;

 private:
  std::vector<std::pair<MemberId, domain::RecognitionRecord>> recognition_rows(
      const std::string& where, Bindings& bindings, std::vector<std::string>* ends);

  soci::session& session_;
  const std::vector<std::string>& on_roll_statuses_;
};

}  // namespace chibo::storage
