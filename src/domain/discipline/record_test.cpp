#include "domain/discipline/record.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain::discipline {
namespace {

using chibo::testing::date;

DecidedSanction decided(int64_t id, Sanction sanction, const char* on, std::string number,
                        std::string outcome = "") {
  return {id, sanction, date(on), std::move(number), "Chi bộ 3", std::move(outcome)};
}

TEST(DisciplineRecord, OneLineNamesTheSanctionTheDecisionAndItsDate) {
  EXPECT_EQ(sanction_line(decided(1, Sanction::kWarning, "2026-05-03", "12-QĐ/ĐU")),
            "Cảnh cáo — QĐ 12-QĐ/ĐU ngày 03/05/2026");
  // Without a number, the deciding level names the decision.
  EXPECT_EQ(sanction_line(decided(1, Sanction::kReprimand, "2025-11-20", "")),
            "Khiển trách — QĐ của Chi bộ 3 ngày 20/11/2025");
  EXPECT_EQ(sanction_line(decided(1, Sanction::kDismissal, "2025-01-02", "7-QĐ/UBKT", "reduced")),
            "Cách chức — QĐ 7-QĐ/UBKT ngày 02/01/2025 (giảm khi giải quyết khiếu nại)");
}

TEST(DisciplineRecord, AnnulledOnAppealIsNotInForcePendingOrUpheldIs) {
  EXPECT_TRUE(in_force(decided(1, Sanction::kWarning, "2026-05-03", "1", "")));
  EXPECT_TRUE(in_force(decided(1, Sanction::kWarning, "2026-05-03", "1", "upheld")));
  EXPECT_TRUE(in_force(decided(1, Sanction::kWarning, "2026-05-03", "1", "reduced")));
  EXPECT_FALSE(in_force(decided(1, Sanction::kWarning, "2026-05-03", "1", "annulled")));
}

TEST(DisciplineRecord, TextListsTheSanctionsInForceNewestFirstThenTheLegacyNote) {
  const std::vector<DecidedSanction> cases = {
      decided(1, Sanction::kReprimand, "2024-03-01", "3-QĐ/CB"),
      decided(2, Sanction::kWarning, "2026-05-03", "12-QĐ/ĐU"),
      decided(3, Sanction::kExpulsion, "2025-06-01", "9-QĐ/ĐU", "annulled"),
  };
  EXPECT_EQ(discipline_text(cases, ""),
            "Cảnh cáo — QĐ 12-QĐ/ĐU ngày 03/05/2026; Khiển trách — QĐ 3-QĐ/CB ngày 01/03/2024");
  EXPECT_EQ(discipline_text(cases, "Khiển trách 2019"),
            "Cảnh cáo — QĐ 12-QĐ/ĐU ngày 03/05/2026; Khiển trách — QĐ 3-QĐ/CB ngày 01/03/2024; "
            "Ghi chép trước đây: Khiển trách 2019");
  EXPECT_EQ(discipline_text({}, "Khiển trách 2019"), "Ghi chép trước đây: Khiển trách 2019");
  EXPECT_EQ(discipline_text({cases[2]}, ""), "");
  EXPECT_EQ(discipline_text({}, ""), "");
}

TEST(DisciplineRecord, SameDayDecisionsListTheLaterCaseFirst) {
  const auto order = in_force_of({decided(4, Sanction::kReprimand, "2026-01-05", "a"),
                                  decided(9, Sanction::kWarning, "2026-01-05", "b")});
  ASSERT_EQ(order.size(), 2u);
  EXPECT_EQ(order[0].case_id, 9);
  EXPECT_EQ(order[1].case_id, 4);
}

TEST(DisciplineRecord, SanctionNamesInBothLanguages) {
  EXPECT_EQ(sanction_name(Sanction::kDissolution), "Giải tán");
  EXPECT_EQ(sanction_name(Sanction::kDissolution, true), "Dissolution");
  EXPECT_EQ(sanction_name(Sanction::kExpulsion), "Khai trừ");
}

}  // namespace
}  // namespace chibo::domain::discipline
