#include "i18n/messages.h"

#include <gtest/gtest.h>

namespace chibo::i18n {
namespace {

TEST(Messages, PicksLanguageFromTheFirstTag) {
  EXPECT_EQ(pick_language(""), Lang::kVi);
  EXPECT_EQ(pick_language("vi-VN,vi;q=0.9,en;q=0.8"), Lang::kVi);
  EXPECT_EQ(pick_language("en-US,en;q=0.9"), Lang::kEn);
  EXPECT_EQ(pick_language("EN"), Lang::kEn);
  EXPECT_EQ(pick_language("fr"), Lang::kVi);
  EXPECT_EQ(pick_language("fr-FR,en;q=0.5"), Lang::kEn);
  EXPECT_EQ(pick_language("en;q=0.4,vi;q=0.9"), Lang::kVi);
  EXPECT_EQ(pick_language("vi;q=0.2, en-GB;q=0.8"), Lang::kEn);
  EXPECT_EQ(pick_language("en;q=0"), Lang::kVi);
}

TEST(Messages, FillsPlaceholders) {
  EXPECT_EQ(message("too_long", Lang::kVi, {{"label", "Họ tên"}, {"max", "100"}}),
            "Họ tên: dài quá 100 ký tự");
  EXPECT_EQ(message("too_long", Lang::kEn, {{"label", "Name"}, {"max", "100"}}),
            "Name: longer than 100 characters");
}

TEST(Messages, ShowsDatesAsTheUiDoes) {
  const Params params = {{"label", "Đến ngày"},
                         {"days", "180"},
                         {"latest", "2027-05-15"},
                         {"rule", "discipline.suspension_max_days"},
                         {"source", "Quy định 22"}};
  EXPECT_EQ(message("discipline_suspension_too_long", Lang::kVi, params),
            "Đến ngày: đình chỉ quá 180 ngày, muộn nhất đến ngày 15/05/2027 "
            "(discipline.suspension_max_days: Quy định 22)");
  EXPECT_NE(message("discipline_suspension_too_long", Lang::kEn, params).find("15/05/2027"),
            std::string::npos);
  // Only a whole date: a number or a month stays as it is.
  EXPECT_EQ(message("too_long", Lang::kVi, {{"label", "2026-05"}, {"max", "2026-05-1x"}}),
            "2026-05: dài quá 2026-05-1x ký tự");
}

TEST(Messages, EveryCodeTheCodeUsesHasBothLanguages) {
  // Codes raised by domain, app, storage and http (grep for them when adding one).
  for (const char* code : {"validation_failed",
                           "not_found",
                           "route_not_found",
                           "method_not_allowed",
                           "version_conflict",
                           "duplicate_member",
                           "duplicate_org_code",
                           "org_has_active_members",
                           "org_not_active",
                           "malformed_json",
                           "body_not_object",
                           "body_too_large",
                           "unsupported_media_type",
                           "invalid_parameter",
                           "database_busy",
                           "database_unavailable",
                           "storage_failure",
                           "storage_full",
                           "internal",
                           "database_too_new",
                           "database_not_initialized",
                           "migration_failed",
                           "import_failed",
                           "required",
                           "calendar_year_missing",
                           "gap_not_after_start",
                           "gap_before_admission",
                           "gap_without_admission",
                           "gap_overlaps",
                           "too_long",
                           "invalid_utf8",
                           "control_character",
                           "invalid_date",
                           "unknown_code",
                           "unknown_field",
                           "unknown_parameter",
                           "wrong_type",
                           "name_charset",
                           "cccd_format",
                           "cccd_province",
                           "cccd_mismatch",
                           "card_charset",
                           "phone_format",
                           "email_format",
                           "education_format",
                           "invalid_id",
                           "org_not_found",
                           "org_cannot_hold_members",
                           "duplicate",
                           "date_in_future",
                           "date_too_early",
                           "admission_under_age",
                           "official_date_for_probationary",
                           "official_before_admission",
                           "required_for_official",
                           "card_for_probationary",
                           "out_of_range",
                           "range_reversed",
                           "parent_required",
                           "kind_not_allowed_under",
                           "move_into_own_subtree",
                           "move_same_parent",
                           "merge_into_own_subtree",
                           "target_cannot_hold_members",
                           "target_cannot_take_children",
                           "date_before_established",
                           "kind_conflicts_with_children",
                           "kind_cannot_hold_members",
                           "code_charset",
                           "column_unknown",
                           "column_missing",
                           "column_duplicate",
                           "row_width",
                           "duplicate_in_file",
                           "csv_unterminated_quote",
                           "csv_no_header",
                           "malformed_escape",
                           "duplicate_key",
                           "duplicate_parameter",
                           "unknown_parameter",
                           "noun.member",
                           "noun.organization",
                           "noun.user",
                           "noun.session",
                           "noun.term",
                           "noun.seat",
                           "org_holds_no_congress",
                           "seat_ended",
                           "seat_held",
                           "position_taken",
                           "term_order",
                           "term_gap",
                           "term_open_not_last",
                           "congress_dates",
                           "date_outside_term",
                           "date_before_start",
                           "member_outside_org",
                           "member_not_official",
                           "position_not_in_kind",
                           "unauthenticated",
                           "session_expired",
                           "login_failed",
                           "totp_required",
                           "totp_invalid",
                           "login_throttled",
                           "password_change_required",
                           "totp_enrolment_required",
                           "csrf_rejected",
                           "forbidden",
                           "users_exist",
                           "totp_not_begun",
                           "password_too_short",
                           "password_too_long",
                           "password_common",
                           "password_contains_username",
                           "password_wrong",
                           "session_current",
                           "password_unchanged",
                           "username_format",
                           "username_taken",
                           "required_for_role",
                           "member_not_found",
                           "root_needs_global_scope",
                           "cannot_disable_self",
                           "totp_secret_format",
                           "date_format",
                           "due_after_parent",
                           "target_outside_subtree",
                           "no_targets",
                           "task_not_found",
                           "document_not_found",
                           "exceeds_members",
                           "assignment_state",
                           "assignment_to_member"}) {
    EXPECT_TRUE(has_message(code)) << code;
  }
}

}  // namespace
}  // namespace chibo::i18n
