#include "domain/documents/issuer_name.h"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

TEST(IssuerName, APartyOrganizationIssuesAsItsCommittee) {
  EXPECT_EQ(issuer_name("Đảng bộ Bộ Tư pháp", "committee"), "Đảng ủy Bộ Tư pháp");
  EXPECT_EQ(issuer_name("Đảng bộ xã Phú Đình", "committee"), "Đảng ủy xã Phú Đình");
}

TEST(IssuerName, ProvincesAndCitiesHaveCommitteesNamedForThem) {
  EXPECT_EQ(issuer_name("Đảng bộ tỉnh Thái Nguyên", "committee"), "Tỉnh ủy Thái Nguyên");
  EXPECT_EQ(issuer_name("Đảng bộ thành phố Hà Nội", "committee"), "Thành ủy Hà Nội");
  EXPECT_EQ(issuer_name("Đảng bộ huyện Định Hóa", "committee"), "Huyện ủy Định Hóa");
}

TEST(IssuerName, TheCommitteesBodiesCarryItsName) {
  EXPECT_EQ(issuer_name("Đảng bộ tỉnh Thái Nguyên", "inspection_committee"),
            "Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên");
  EXPECT_EQ(issuer_name("Đảng bộ Khối các cơ quan Trung ương", "office"),
            "Văn phòng Đảng ủy Khối các cơ quan Trung ương");
  EXPECT_EQ(issuer_name("Đảng bộ Bộ Tư pháp", "organization_board"),
            "Ban Tổ chức Đảng ủy Bộ Tư pháp");
}

TEST(IssuerName, ACellAndACongressIssueUnderTheOrganizationsName) {
  EXPECT_EQ(issuer_name("Chi bộ Vụ Pháp chế", "committee"), "Chi bộ Vụ Pháp chế");
  EXPECT_EQ(issuer_name("Đảng bộ Bộ Tư pháp", "congress"), "Đảng bộ Bộ Tư pháp");
}

}  // namespace
}  // namespace chibo::domain
