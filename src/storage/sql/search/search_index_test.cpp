#include "storage/sql/search/search_index.h"

#include <gtest/gtest.h>

namespace chibo::storage {
namespace {

IndexedMember member(long long id, const char* path, const char* status, const char* sort_key,
                     std::vector<std::string> keys) {
  return {id, 1, path, status, sort_key, std::move(keys)};
}

class Index : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.rebuild({
        member(1, "/1/2/", "official", "b", {"an", "nguyen van an", "van an"}),
        member(2, "/1/2/", "probationary", "a", {"an", "tran van an", "van an"}),
        member(3, "/1/3/", "official", "c", {"nguyen", "nguyen van nguyen", "van nguyen"}),
        member(4, "/1/3/", "deceased", "d", {"binh", "dang thi binh", "thi binh"}),
    });
  }
  IndexResult search(IndexQuery query) { return *index_.search(query); }
  MemberSearchIndex index_;
};

TEST_F(Index, FindsByPrefixOfAnyWordSuffixInNameOrder) {
  IndexQuery query;
  query.prefix = "van";
  const IndexResult found = search(query);
  EXPECT_EQ(found.total, 3);
  EXPECT_EQ(found.ids, (std::vector<long long>{2, 1, 3}));  // by sort key a, b, c
  query.prefix = "nguyen van a";
  EXPECT_EQ(search(query).ids, std::vector<long long>{1});
  query.prefix = "x";
  EXPECT_EQ(search(query).total, 0);
}

TEST_F(Index, CountsAMemberOnceWhenSeveralKeysMatch) {
  IndexQuery query;
  query.prefix = "nguyen";  // member 3 matches with two keys
  EXPECT_EQ(search(query).total, 2);
  EXPECT_EQ(search(query).ids, (std::vector<long long>{1, 3}));
}

TEST_F(Index, FiltersBySubtreeAndStatusAndPages) {
  IndexQuery query;
  query.prefix = "van";
  query.subtree = "/1/2/";
  EXPECT_EQ(search(query).ids, (std::vector<long long>{2, 1}));
  query.statuses = {"official"};
  EXPECT_EQ(search(query).ids, std::vector<long long>{1});
  query = {};
  query.prefix = "van";
  query.limit = 1;
  query.offset = 1;
  EXPECT_EQ(search(query).ids, std::vector<long long>{1});
  EXPECT_EQ(search(query).total, 3);
  query.descending = true;
  query.offset = 0;
  EXPECT_EQ(search(query).ids, std::vector<long long>{3});
}

TEST_F(Index, ReplaceUpdatesOneMember) {
  index_.replace({member(1, "/1/3/", "official", "b", {"an", "le van an", "van an"})});
  IndexQuery query;
  query.prefix = "nguyen";
  EXPECT_EQ(search(query).ids, std::vector<long long>{3});
  query.prefix = "le";
  EXPECT_EQ(search(query).ids, std::vector<long long>{1});
  index_.replace({member(9, "/1/2/", "official", "0", {"moi"})});
  query.prefix = "moi";
  EXPECT_EQ(search(query).ids, std::vector<long long>{9});
  EXPECT_EQ(index_.member_count(), 5u);
}

TEST(IndexState, ADisabledIndexAnswersNothing) {
  MemberSearchIndex index;
  IndexQuery query;
  query.prefix = "a";
  EXPECT_FALSE(index.search(query));
  index.rebuild({});
  EXPECT_TRUE(index.search(query));
  index.disable();
  EXPECT_FALSE(index.search(query));
}

}  // namespace
}  // namespace chibo::storage
