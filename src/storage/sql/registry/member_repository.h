// Members on SOCI (SQLite and PostgreSQL alike). Keeps the search keys and the subtree counts
// in step with every insert and update.
#pragma once

#include <soci/soci.h>

#include "app/ports/store.h"
#include "storage/sql/derived/member_stats.h"
#include "storage/sql/search/record_cache.h"
#include "storage/sql/search/search_index.h"
#include "storage/sql/search/search_index_loader.h"
#include "storage/sql/search/search_plan.h"

namespace chibo::storage {

class SqlMemberRepository : public app::MemberRepository {
 public:
  // `index` (optional) answers name searches; `changes` (optional) records which members a
  // write touched, so the store can refresh the index after commit.
  SqlMemberRepository(soci::session& session, const std::vector<std::string>& on_roll_statuses,
                      const MemberSearchIndex* index = nullptr, IndexChanges* changes = nullptr,
                      RecordCache* cache = nullptr,
                      long long stats_threshold = kDefaultStatsThreshold,
                      SearchLimits search_limits = {})
      : session_(session),
        on_roll_statuses_(on_roll_statuses),
        index_(index),
        changes_(changes),
        cache_(cache),
        stats_threshold_(stats_threshold),
        search_limits_(search_limits) {}

  std::optional<app::Member> find(MemberId id) override;
  std::optional<MemberId> find_by_citizen_id(const std::string& citizen_id) override;
  std::optional<MemberId> find_by_card_no(const std::string& card_no) override;
  app::MemberPage page(const app::MemberFilter& filter) override;
  std::vector<ErrorItem> on_roll_in(const OrgPath& subtree, int limit, int64_t& total) override;
  std::vector<app::Member> direct_members(OrgId org) override;
  std::vector<app::Breakdown> breakdowns(const OrgPath& subtree, Date today) override;
  void scan_history(const OrgPath& subtree, Date since, Date until, std::vector<int64_t>& orgs,
                    const std::function<void(const app::MemberHistory&)>& visit) override;
  app::TransferFlows transfer_flows(const OrgPath& subtree, Date from, Date to) override;
  bool scan_changed_since_kept(
      const OrgPath& subtree, Date on, const std::vector<std::string>& split_months,
      std::vector<int64_t>& orgs, app::KeptRoll& kept,
      const std::function<void(const app::MemberHistory&)>& visit) override;
  std::vector<int64_t> changed_after(const std::string& utc) override;
  void scan_members(const std::vector<int64_t>& ids, Date since,
                    const std::function<void(const app::MemberHistory&)>& visit) override;
  void scan(const app::MemberFilter& filter,
            const std::function<void(const app::Member&, const std::string&)>& visit) override;

  void insert(app::Member& member) override;
  bool update(app::Member& member, const app::Member& before) override;
  void append_event(const app::MemberEvent& event) override;
  std::vector<app::MemberEvent> history(MemberId id) override;
  std::unique_ptr<app::MemberBulkInsert> bulk_insert() override;

 private:
  // Name searches (member_search.cpp, search_plan.h).
  app::MemberPage page_by_keys(const app::MemberFilter& filter);
  std::optional<long long> scope_members(const app::MemberFilter& filter);
  // The members with these ids, in this order, with their organizations' names.
  // With `versions` (from the index), members cached at those versions need no SQL.
  void fill_page(const std::vector<long long>& ids, const std::vector<long long>* versions,
                 app::MemberPage& page);
  void write_search_keys(const app::Member& member);
  // Duplicate look-ups run for every row of an import: prepared once per transaction.
  struct Lookup {
    std::unique_ptr<soci::statement> statement;
    std::string value;
    long long id = 0;
    soci::indicator indicator = soci::i_null;
  };
  Lookup by_citizen_id_, by_card_no_;
  std::optional<MemberId> find_id_by(Lookup& lookup, const char* column, const std::string& value);

  soci::session& session_;
  const std::vector<std::string>& on_roll_statuses_;
  const MemberSearchIndex* index_;
  IndexChanges* changes_;
  RecordCache* cache_;
  long long stats_threshold_;
  SearchLimits search_limits_;
};

}  // namespace chibo::storage
