// The remediation items on a real store (SQLite, or PostgreSQL under unit.postgresql): round
// trips of every column, ids per source, the version check, the filters and paging; and
// migration 0034 taking over review_shortcomings and inspection_items whose ids collide.
#include "storage/sql/remediation/remediation_repository.h"

#include <gtest/gtest.h>

#include "storage/sql/engine/dialect.h"
#include "storage/sql/engine/migrations.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using app::RemediationFilter;
using app::RemediationItem;
using chibo::testing::date;
using chibo::testing::TempStore;

RemediationItem item(const std::string& source, OrgId org, const OrgPath& path, const char* due,
                     const char* kind) {
  RemediationItem s;
  s.source = source;
  s.year = 2026;
  s.org_id = org;
  s.org_path = path;
  s.kind = kind;
  s.description = "Mô tả " + std::string(kind);
  s.action = "Biện pháp";
  s.owner = "Chi ủy";
  s.due_on = date(due);
  s.state = "open";
  s.created_at = s.updated_at = "2026-11-29T03:00:00Z";
  s.created_by = "test";
  return s;
}

std::vector<std::string> keys(const std::vector<RemediationItem>& items) {
  std::vector<std::string> out;
  for (const RemediationItem& s : items) out.push_back(s.source + ":" + std::to_string(s.id));
  return out;
}

TEST(RemediationRepository, RoundTripsFiltersAndPages) {
  TempStore temp;
  const auto tree = temp.make_tree();
  OrgPath base, cell_a, cell_b;
  ASSERT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
    base = tx.orgs().find(tree[2])->path;
    cell_a = tx.orgs().find(tree[3])->path;
    cell_b = tx.orgs().find(tree[4])->path;
    return Ok();
  }));
  RemediationItem a = item("review", tree[3], cell_a, "2026-11-10", "fault");
  RemediationItem b = item("inspection", tree[2], base, "2026-08-31", "violation");
  RemediationItem c = item("inspection", tree[4], cell_b, "2026-12-31", "recommendation");
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    tx.remediation().insert(a);
    tx.remediation().insert(b);
    tx.remediation().insert(c);
    return Ok();
  }));
  EXPECT_GT(a.id, 0);
  EXPECT_NE(a.id, b.id);
  EXPECT_EQ(a.version, 1);
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    auto found = tx.remediation().find("review", a.id);
    EXPECT_TRUE(found);
    if (!found) return Ok();
    EXPECT_EQ(found->org_path.str(), cell_a.str());
    EXPECT_EQ(found->org_id, tree[3]);
    EXPECT_FALSE(found->member_id.valid());
    EXPECT_EQ(found->campaign_id, 0);
    EXPECT_EQ(found->due_on, date("2026-11-10"));
    EXPECT_EQ(found->evidence, "");
    EXPECT_FALSE(found->closed_on);
    EXPECT_FALSE(tx.remediation().find("inspection", a.id)) << "ids are per source";
    found->state = "closed";
    found->evidence = "Biên bản";
    found->closed_on = date("2026-11-15");
    EXPECT_TRUE(tx.remediation().update(*found));
    EXPECT_FALSE(tx.remediation().update(*found)) << "the version was bumped";
    return Ok();
  }));
  ASSERT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
    auto closed = tx.remediation().find("review", a.id);
    EXPECT_EQ(closed->version, 2);
    EXPECT_EQ(closed->state, "closed");
    EXPECT_EQ(closed->evidence, "Biên bản");
    EXPECT_EQ(closed->closed_on, date("2026-11-15"));

    RemediationFilter all;
    all.subtree = OrgPath::root(tree[0]);
    const std::string ka = "review:" + std::to_string(a.id);
    const std::string kb = "inspection:" + std::to_string(b.id);
    const std::string kc = "inspection:" + std::to_string(c.id);
    EXPECT_EQ(keys(tx.remediation().list(all)), (std::vector<std::string>{kb, ka, kc}));
    EXPECT_EQ(tx.remediation().count(all), 3);
    RemediationFilter page = all;
    page.offset = 1;
    page.limit = 1;
    EXPECT_EQ(keys(tx.remediation().list(page)), (std::vector<std::string>{ka}));
    EXPECT_EQ(tx.remediation().count(page), 3);
    RemediationFilter open = all;
    open.state = "open";
    EXPECT_EQ(keys(tx.remediation().list(open)), (std::vector<std::string>{kb, kc}));
    RemediationFilter overdue = all;
    overdue.overdue_on = date("2026-12-31");  // due before it: b only (a is closed)
    EXPECT_EQ(keys(tx.remediation().list(overdue)), (std::vector<std::string>{kb}));
    RemediationFilter review = all;
    review.sources = {"review"};
    EXPECT_EQ(keys(tx.remediation().list(review)), (std::vector<std::string>{ka}));
    RemediationFilter both = all;
    both.sources = {"review", "inspection"};
    EXPECT_EQ(tx.remediation().count(both), 3);
    RemediationFilter kind = all;
    kind.kind = "recommendation";
    EXPECT_EQ(keys(tx.remediation().list(kind)), (std::vector<std::string>{kc}));
    RemediationFilter subtree = all;
    subtree.subtree = cell_b;
    EXPECT_EQ(keys(tx.remediation().list(subtree)), (std::vector<std::string>{kc}));
    return Ok();
  }));
}

// The tables before 0034, as 0020 and 0022 made them.
const char* kOldTables[] = {
    "CREATE TABLE review_shortcomings (id {{id}}, campaign_id BIGINT NOT NULL REFERENCES "
    "review_campaigns (id), year INTEGER NOT NULL, member_id BIGINT REFERENCES members (id), "
    "org_id BIGINT NOT NULL REFERENCES organizations (id), org_path {{key_text}} NOT NULL, kind "
    "TEXT NOT NULL, description TEXT NOT NULL, action TEXT NOT NULL, owner TEXT NOT NULL, due_on "
    "{{key_text}} NOT NULL, evidence TEXT, state {{key_text}} NOT NULL, closed_on TEXT, version "
    "BIGINT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT "
    "NULL)",
    "CREATE TABLE inspection_items (id {{id}}, inspection_id BIGINT NOT NULL REFERENCES "
    "inspections (id), org_path {{key_text}} NOT NULL, kind TEXT NOT NULL, description TEXT NOT "
    "NULL, action TEXT NOT NULL, owner TEXT NOT NULL, due_on {{key_text}} NOT NULL, evidence "
    "TEXT, state {{key_text}} NOT NULL, closed_on TEXT, version BIGINT NOT NULL, created_at TEXT "
    "NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE INDEX review_shortcomings_subtree ON review_shortcomings (org_path, state, due_on)",
    "CREATE INDEX review_shortcomings_member ON review_shortcomings (member_id, year)",
    "CREATE INDEX inspection_items_subtree ON inspection_items (org_path, state, due_on)",
    "CREATE INDEX inspection_items_inspection ON inspection_items (inspection_id)"};

TEST(RemediationMigration, TakesOverBothTablesKeepingTheirIds) {
  TempStore temp;
  const auto tree = temp.make_tree();
  std::string base, cell;
  ASSERT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
    base = tx.orgs().find(tree[2])->path.str();
    cell = tx.orgs().find(tree[3])->path.str();
    return Ok();
  }));
  const std::string b = std::to_string(tree[2].value);
  const std::string c = std::to_string(tree[3].value);
  const std::string stamp = "'2026-11-29T03:00:00Z'";
  ASSERT_TRUE(temp.store().write_session([&](soci::session& session) -> Status {
    const Engine engine = temp.store().engine();
    // Back to schema 33: the former tables with rows whose ids collide (1 and 2 in both).
    session << "DROP TABLE remediation_items";
    // Later migrations stay applied: 34 alone runs again, then their rows come back.
    session << "CREATE TEMP TABLE later_migrations AS SELECT * FROM schema_migrations WHERE "
               "version > 34";
    session << "DELETE FROM schema_migrations WHERE version >= 34";
    for (const char* sql : kOldTables) session << render_schema_sql(sql, engine);
    session << "INSERT INTO review_campaigns (id, org_id, org_path, year, review_date, title, "
               "state, units, version, created_at, created_by, updated_at) VALUES (7, " +
                   c + ", '" + cell + "', 2026, '2026-11-02', 'Kiểm điểm', 'open', 1, 1, " + stamp +
                   ", 'test', " + stamp + ")";
    session << "INSERT INTO inspection_programmes (id, org_id, org_path, year, issuer, title, "
               "version, created_at, created_by, updated_at) VALUES (3, " +
                   b + ", '" + base + "', 2025, 'committee', 'Chương trình', 1, " + stamp +
                   ", 'test', " + stamp + ")";
    session << "INSERT INTO inspections (id, programme_id, kind, subject_org_id, subject_path, "
               "content, starts_on, ends_on, team, version, created_at, created_by, updated_at) "
               "VALUES (5, 3, 'task_performance', " +
                   b + ", '" + base + "', 'Nội dung', '2025-03-01', '2025-04-01', 'A', 1, " +
                   stamp + ", 'test', " + stamp + ")";
    for (int id : {1, 2})
      session << "INSERT INTO review_shortcomings (id, campaign_id, year, member_id, org_id, "
                 "org_path, kind, description, action, owner, due_on, evidence, state, "
                 "closed_on, version, created_at, created_by, updated_at) VALUES (" +
                     std::to_string(id) + ", 7, 2026, NULL, " + c + ", '" + cell +
                     "', 'fault', 'Hạn chế " + std::to_string(id) +
                     "', 'Sửa', 'Chi ủy', '2026-12-0" + std::to_string(id) +
                     "', NULL, 'open', NULL, 1, " + stamp + ", 'test', " + stamp + ")";
    for (int id : {1, 2})
      session << "INSERT INTO inspection_items (id, inspection_id, org_path, kind, description, "
                 "action, owner, due_on, evidence, state, closed_on, version, created_at, "
                 "created_by, updated_at) VALUES (" +
                     std::to_string(id) + ", 5, '" + base + "', 'violation', 'Vi phạm " +
                     std::to_string(id) + "', 'Sửa', 'Ban thường vụ', '2026-01-1" +
                     std::to_string(id) + "', 'Báo cáo', 'closed', '2026-01-05', 2, " + stamp +
                     ", 'test', " + stamp + ")";
    session << "COMMIT";  // migrate() manages its own transaction
    std::vector<Migration> only_34;
    for (Migration& m : known_migrations(engine))
      if (m.version == 34) only_34.push_back(std::move(m));
    auto applied = migrate(session, engine, only_34, "2026-11-29T04:00:00Z");
    EXPECT_TRUE(applied) << (applied
                                 ? ""
                                 : applied.error().reason + " " + applied.error().param("detail"));
    session << "BEGIN";
    session << "INSERT INTO schema_migrations SELECT * FROM later_migrations";
    return Ok();
  }));
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    auto shortcoming = tx.remediation().find("review", 2);
    auto violation = tx.remediation().find("inspection", 2);
    EXPECT_TRUE(shortcoming && violation);
    if (!shortcoming || !violation) return Ok();
    EXPECT_EQ(shortcoming->description, "Hạn chế 2");
    EXPECT_EQ(shortcoming->campaign_id, 7);
    EXPECT_EQ(shortcoming->year, 2026);
    EXPECT_EQ(shortcoming->org_id, tree[3]);
    EXPECT_EQ(shortcoming->due_on, date("2026-12-02"));
    EXPECT_EQ(violation->description, "Vi phạm 2");
    EXPECT_EQ(violation->inspection_id, 5);
    EXPECT_EQ(violation->year, 2025);
    EXPECT_EQ(violation->org_id, tree[2]);
    EXPECT_EQ(violation->org_path.str(), base);
    EXPECT_EQ(violation->state, "closed");
    EXPECT_EQ(violation->closed_on, date("2026-01-05"));
    EXPECT_EQ(violation->evidence, "Báo cáo");
    EXPECT_EQ(violation->version, 2);
    // A new item takes an id above every kept one, in either source.
    RemediationItem fresh =
        item("inspection", tree[2], *OrgPath::parse(base), "2026-12-31", "recommendation");
    tx.remediation().insert(fresh);
    EXPECT_GT(fresh.id, 2);
    EXPECT_FALSE(tx.remediation().find("review", fresh.id));
    RemediationFilter all;
    all.subtree = OrgPath::root(tree[0]);
    EXPECT_EQ(tx.remediation().count(all), 5);
    return Ok();
  }));
}

}  // namespace
}  // namespace chibo::storage
