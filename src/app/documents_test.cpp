// The document register's use cases over a real store (SQLite, and PostgreSQL under
// unit.postgresql): numbers given inside the write transaction, never twice, a refused
// issuance writing nothing, and attachments kept by their SHA-256.
#include "app/documents.h"

#include <gtest/gtest.h>

#include "app/runner.h"
#include "security/hashing.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::app {
namespace {

using chibo::testing::date;
using chibo::testing::TempStore;

class Documents : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_ = temp_.make_tree();  // bloc, committee, base, cell_a, cell_b
    // The base committee's term: its congress closed on 2025-06-30.
    Status added = temp_.store().write([&](Transaction& tx) -> Status {
      domain::Term term;
      term.org_id = tree_[2].value;
      term.name = "Nhiệm kỳ 2025-2030";
      term.congress_opened_on = date("2025-06-28");
      term.congress_closed_on = date("2025-06-30");
      term.created_at = term.updated_at = "2025-07-01T00:00:00Z";
      tx.terms().insert(term);
      return Ok();
    });
    ASSERT_TRUE(added);
  }

  OutgoingDocumentRequest plan(const char* type = "ke_hoach", const char* on = "2026-03-02") {
    OutgoingDocumentRequest request;
    request.org = tree_[2];
    request.fields.type = type;
    request.fields.issued_on = date(on);
    request.fields.place = "Hà Nội";
    request.fields.summary = "về công tác phát triển đảng viên năm 2026";
    request.fields.body = std::vector<std::string>{"Thực hiện Nghị quyết của Đảng ủy cấp trên."};
    request.fields.signer_name = "Nguyễn Văn An";
    request.fields.signer_position = "Bí thư";
    request.fields.authority = "tm";
    request.fields.signing_for = "Đảng ủy";
    request.fields.recipients =
        std::vector<RecipientInput>{{tree_[3], ""}, {OrgId(), "Lưu Văn phòng"}};
    return request;
  }

  Result<DocumentView> issue(OutgoingDocumentRequest request) {
    return run_write(temp_.services(), temp_.actor(), issue_document, request);
  }

  int64_t preview(const char* type = "ke_hoach") {
    NumberQuery query;
    query.org = tree_[2];
    query.type = type;
    query.issued_on = date("2026-03-02");
    auto next = run_read(temp_.services(), temp_.actor(), next_document_number, query);
    EXPECT_TRUE(next) << next.error().reason;
    return next ? next->number : -1;
  }

  TempStore temp_;
  std::vector<OrgId> tree_;
};

TEST_F(Documents, NumbersRunFromOnePerSeriesInTheTerm) {
  EXPECT_EQ(preview(), 1);
  auto first = issue(plan());
  ASSERT_TRUE(first) << first.error().reason;
  EXPECT_EQ(first->document.symbol, "01-KH/ĐU");
  EXPECT_EQ(first->document.term_id > 0, true);
  EXPECT_EQ(first->org_names.at(tree_[3]).empty(), false);
  auto second = issue(plan());
  ASSERT_TRUE(second);
  EXPECT_EQ(second->document.symbol, "02-KH/ĐU");
  // Quy định and quyết định print "QĐ": one series.
  auto decision = issue(plan("quyet_dinh"));
  auto regulation = issue(plan("quy_dinh"));
  ASSERT_TRUE(decision && regulation);
  EXPECT_EQ(decision->document.symbol, "01-QĐ/ĐU");
  EXPECT_EQ(regulation->document.symbol, "02-QĐ/ĐU");
  EXPECT_EQ(preview(), 3);
  EXPECT_EQ(preview("quy_dinh"), 3);
}

TEST_F(Documents, ARefusedIssuanceWritesNothing) {
  OutgoingDocumentRequest wrong = plan();
  wrong.fields.summary = "";
  wrong.fields.recipients = std::vector<RecipientInput>{{OrgId(987654321), ""}};
  auto refused = issue(wrong);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
  std::vector<std::string> fields;
  for (const FieldError& e : refused.error().fields) fields.push_back(e.field + ":" + e.code);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "summary:required"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "recipients[0].org_id:org_not_found"),
            fields.end());
  auto outside = plan("ke_hoach", "2024-01-10");  // before the first congress chibo knows
  auto no_term = issue(outside);
  ASSERT_FALSE(no_term);
  EXPECT_EQ(no_term.error().fields.at(0).field, "issued_on");
  EXPECT_EQ(preview(), 1);
  DocumentQuery all;
  auto listed = run_read(temp_.services(), temp_.actor(), list_documents, all);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->total, 0);
}

TEST_F(Documents, AWithdrawnNumberIsNeverGivenAgain) {
  auto doc = issue(plan("thong_bao"));
  ASSERT_TRUE(doc);
  auto withdrawn = run_write(temp_.services(), temp_.actor(), withdraw_document, doc->document.id,
                             doc->document.version, date("2026-03-05"), std::string("Nhầm"));
  ASSERT_TRUE(withdrawn) << withdrawn.error().reason;
  EXPECT_EQ(withdrawn->document.status, "withdrawn");
  auto next = issue(plan("thong_bao"));
  ASSERT_TRUE(next);
  EXPECT_EQ(*next->document.number, *doc->document.number + 1);
  auto again = run_write(temp_.services(), temp_.actor(), withdraw_document, doc->document.id,
                         withdrawn->document.version, date("2026-03-05"), std::string("Lại"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().reason, "document_withdrawn");
}

TEST_F(Documents, AttachmentsAreKeptByTheirHashAndTypedByContent) {
  auto doc = issue(plan("bao_cao"));
  ASSERT_TRUE(doc);
  const std::string pdf = "%PDF-1.4\n%%EOF\n";
  auto added = run_write(temp_.services(), temp_.actor(), add_attachment, doc->document.id,
                         AttachmentUpload{"bao cao", pdf});
  ASSERT_TRUE(added) << added.error().reason;
  EXPECT_EQ(added->content_type, "application/pdf");
  EXPECT_EQ(added->file_name, "bao cao.pdf");
  EXPECT_EQ(added->sha256, security::sha256_hex(pdf));
  auto read =
      run_read(temp_.services(), temp_.actor(), download_attachment, doc->document.id, added->id);
  ASSERT_TRUE(read) << read.error().reason;
  EXPECT_EQ(read->content, pdf);
  auto refused = run_write(temp_.services(), temp_.actor(), add_attachment, doc->document.id,
                           AttachmentUpload{"a.pdf", std::string("plain text")});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at(0).field, "file");
  EXPECT_EQ(refused.error().fields.at(0).code, "file_type");
}

}  // namespace
}  // namespace chibo::app
