#include "i18n/messages.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace chibo::i18n {

namespace {

struct Text {
  const char* vi;
  const char* en;
};

const std::unordered_map<std::string_view, Text>& catalog() {
  static const std::unordered_map<std::string_view, Text> texts = {
      // Whole-request problems (titles).
      {"validation_failed", {"Dữ liệu không hợp lệ", "Invalid data"}},
      {"not_found", {"Không tìm thấy {what}", "{what} not found"}},
      {"unknown_parameter", {"Tham số {field} không được hỗ trợ", "Unsupported parameter {field}"}},
      {"malformed_escape", {"{label}: mã hóa URL không hợp lệ", "{label}: malformed URL encoding"}},
      {"route_not_found", {"Không có địa chỉ này", "No such address"}},
      {"method_not_allowed", {"Phương thức không được hỗ trợ", "Method not allowed"}},
      {"version_conflict",
       {"Bản ghi đã được người khác sửa trước. Hãy tải lại để xem bản mới nhất.",
        "Someone else saved this record first. Reload to see the latest version."}},
      {"duplicate_member", {"Trùng với một đảng viên đã có", "Duplicates an existing member"}},
      {"duplicate_org_code",
       {"Mã tổ chức {code} đã được dùng", "Organization code {code} is already used"}},
      {"org_has_active_members",
       {"Không thể giải thể: còn {count} đảng viên trong danh sách sinh hoạt",
        "Cannot dissolve: {count} members are still on the roll"}},
      {"org_not_active",
       {"Tổ chức đã giải thể hoặc sáp nhập", "The organization is dissolved or merged"}},
      {"malformed_json",
       {"Nội dung JSON không đọc được: {detail}", "The JSON body cannot be read: {detail}"}},
      {"body_not_object",
       {"Nội dung phải là một đối tượng JSON", "The body must be a JSON object"}},
      {"duplicate_key",
       {"{label}: xuất hiện hai lần trong nội dung", "{label}: appears twice in the body"}},
      {"duplicate_parameter", {"{label}: chỉ được nêu một lần", "{label}: may be given only once"}},
      {"body_too_large", {"Nội dung vượt quá {max} byte", "The body exceeds {max} bytes"}},
      {"unsupported_media_type",
       {"Chỉ nhận nội dung application/json", "Only application/json bodies are accepted"}},
      {"invalid_parameter", {"Tham số không hợp lệ", "Invalid parameter"}},
      {"database_busy",
       {"Hệ thống đang bận, vui lòng thử lại", "The system is busy; please retry"}},
      {"database_unavailable",
       {"Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại",
        "The database is temporarily unavailable; please retry"}},
      {"commit_outcome_unknown",
       {"Mất kết nối cơ sở dữ liệu đúng lúc lưu: chưa rõ đã lưu hay chưa. Hãy gửi lại yêu cầu với "
        "cùng Idempotency-Key để biết kết quả, không tạo bản ghi trùng.",
        "The database connection was lost while saving: the change may or may not have been "
        "saved. Send the request again with the same Idempotency-Key to learn the outcome "
        "without creating a duplicate."}},
      {"storage_failure",
       {"Lỗi lưu trữ, vui lòng thử lại sau", "Storage failure; please retry later"}},
      {"database_error", {"Lỗi hệ thống", "Internal error"}},
      {"internal", {"Lỗi hệ thống", "Internal error"}},
      {"database_too_new",
       {"Cơ sở dữ liệu do phiên bản chibo mới hơn tạo (lược đồ {found}, phiên bản này hỗ trợ đến "
        "{supported}). "
        "Hãy dùng chibo mới hơn.",
        "The database was written by a newer chibo (schema {found}; this one supports up to "
        "{supported}). "
        "Use a newer chibo."}},
      {"database_not_initialized",
       {"Cơ sở dữ liệu chưa được khởi tạo: chạy `chibo init`",
        "The database is not initialized: run `chibo init`"}},
      {"database_open_failed",
       {"Không mở được cơ sở dữ liệu {url}: {detail}", "Cannot open database {url}: {detail}"}},
      {"migration_failed",
       {"Nâng cấp lược đồ thất bại ở bước {migration}; cơ sở dữ liệu giữ nguyên. Chi tiết: "
        "{detail}",
        "Schema migration {migration} failed; the database is unchanged. Detail: {detail}"}},
      {"import_failed",
       {"Không nhập dữ liệu nào: có {count} lỗi", "Nothing was imported: {count} errors found"}},
      {"csv_unterminated_quote", {"Dấu ngoặc kép không được đóng", "Unterminated quote"}},
      {"csv_no_header", {"Tệp không có dòng tiêu đề", "The file has no header row"}},
      {"noun.member", {"đảng viên", "Member"}},
      {"noun.organization", {"tổ chức", "Organization"}},
      {"noun.route", {"địa chỉ", "Address"}},
      {"noun.user", {"người dùng", "User"}},
      // The member lifecycle (whole-request problems).
      {"duplicate_candidate",
       {"Người này đã là đảng viên hoặc đang có hồ sơ kết nạp",
        "This person is a member already or has an open admission file"}},
      {"candidate_closed",
       {"Hồ sơ kết nạp đã đóng ({status})", "The admission file is closed ({status})"}},
      {"org_has_open_candidates",
       {"Không thể giải thể: còn {count} hồ sơ kết nạp đang mở; hãy đóng hoặc chuyển trước",
        "Cannot dissolve: {count} admission files are still open; close or move them first"}},
      {"transfer_open",
       {"Đảng viên đang có một chuyển sinh hoạt chưa kết thúc (số {transfer_id})",
        "The member has a transfer still open (no. {transfer_id})"}},
      {"noun.candidate", {"hồ sơ kết nạp", "Admission file"}},
      {"step.course", {"lớp bồi dưỡng nhận thức về Đảng", "party-awareness course"}},
      {"step.application", {"đơn xin vào Đảng", "application"}},
      {"step.personal_history", {"lý lịch", "personal history"}},
      {"step.verification", {"thẩm tra lý lịch", "verification of the history"}},
      {"step.introduction", {"giới thiệu", "introduction"}},
      {"step.endorsement",
       {"nhận xét của đoàn thể, chi ủy nơi cư trú", "mass organizations' endorsement"}},
      {"step.cell_resolution", {"nghị quyết chi bộ", "cell's resolution"}},
      {"step.sub_committee_appraisal",
       {"thẩm định của đảng ủy bộ phận", "sub-committee's appraisal"}},
      {"step.base_resolution", {"nghị quyết đảng ủy cơ sở", "base committee's resolution"}},
      {"step.decision", {"quyết định", "decision"}},
      {"step.ceremony", {"lễ kết nạp", "ceremony"}},
      {"noun.transfer", {"chuyển sinh hoạt", "Transfer"}},
      {"noun.step", {"bước", "Step"}},
      {"calendar_file_invalid",
       {"Lịch ngày nghỉ {source} không hợp lệ (dòng {index}): {problem}",
        "The holiday calendar {source} is invalid (line {index}): {problem}"}},
      {"rule_file_invalid",
       {"Tệp quy định {source} không hợp lệ (mục {index}): {problem}",
        "The rule file {source} is invalid (entry {index}): {problem}"}},
      {"rule_dir_unreadable",
       {"Không đọc được thư mục quy định {source}: {problem}",
        "Cannot read the rules directory {source}: {problem}"}},
      {"rule_dir_empty",
       {"Thư mục quy định {source} không có tệp .toml",
        "The rules directory {source} has no .toml file"}},
      // The member lifecycle (field problems). {source} is the rule's document.
      {"calendar_year_missing",
       {"{label}: chưa có lịch ngày nghỉ của năm {year} để tính hạn theo ngày làm việc; bổ sung "
        "năm này vào rules/holidays.tsv",
        "{label}: there is no holiday calendar for {year} to count working days in; add the year "
        "to rules/holidays.tsv"}},
      {"gap_not_after_start",
       {"{label}: phải sau ngày bắt đầu gián đoạn", "{label}: must be after the gap's start"}},
      {"gap_before_admission",
       {"{label}: trước ngày kết nạp {admission_date}",
        "{label}: before the admission on {admission_date}"}},
      {"gap_without_admission",
       {"{label}: đảng viên chưa có ngày kết nạp để tính tuổi đảng",
        "{label}: the member has no admission date to count party age from"}},
      {"gap_overlaps",
       {"{label}: trùng với thời gian gián đoạn đã ghi từ {from} đến {to}",
        "{label}: overlaps the gap already recorded from {from} to {to}"}},
      {"rule_not_in_force",
       {"{label}: chưa có quy định {rule} có hiệu lực vào ngày {date}",
        "{label}: no rule {rule} was in force on {date}"}},
      {"votes_exceed_entitled",
       {"{label}: số phiếu tán thành và không tán thành vượt quá {entitled} người có quyền biểu "
        "quyết",
        "{label}: the votes in favour and against exceed the {entitled} entitled to vote"}},
      {"vote_short",
       {"{label}: chưa đủ {share} số đảng viên có quyền biểu quyết tán thành ({source})",
        "{label}: fewer than {share} of those entitled to vote are in favour ({source})"}},
      {"step_already_recorded",
       {"{label}: bước này đã được ghi nhận", "{label}: this step is recorded already"}},
      {"step_not_applicable",
       {"{label}: bước này không áp dụng với chi bộ của người này",
        "{label}: this step does not apply to this person's cell"}},
      {"step_before_prerequisite",
       {"{label}: trước ngày của bước {step} ({date})",
        "{label}: before the date of the step {step} ({date})"}},
      {"step_requires",
       {"{label}: cần ghi nhận trước các bước: {steps}",
        "{label}: record these steps first: {steps}"}},
      {"step_not_recorded",
       {"{label}: bước này chưa được ghi nhận", "{label}: this step is not recorded"}},
      {"step_has_later",
       {"{label}: đã có bước sau ({later}); hãy rút bước sau trước",
        "{label}: a later step ({later}) rests on it; withdraw that first"}},
      {"date_before_birth", {"{label}: trước ngày sinh", "{label}: before the date of birth"}},
      {"date_after_step", {"{label}: sau ngày của bước", "{label}: after the step's date"}},
      {"candidate_under_age",
       {"{label}: người vào Đảng chưa đủ tuổi, tính theo tháng; đủ tuổi từ {eligible_from} "
        "({source})",
        "{label}: the candidate is under age, counted in months; of age from {eligible_from} "
        "({source})"}},
      {"candidate_over_age",
       {"{label}: người vào Đảng đã quá tuổi (ngày cuối còn đủ điều kiện: {last_day}); cần ý kiến "
        "của cấp ủy trực thuộc Trung ương ({source})",
        "{label}: the candidate is over the age limit (last eligible day {last_day}); the "
        "committee under the Central Committee must approve ({source})"}},
      {"not_youth_union_member",
       {"{label}: người vào Đảng không phải đoàn viên",
        "{label}: the candidate is not a Youth Union member"}},
      {"past_youth_age",
       {"{label}: người vào Đảng đã quá tuổi thanh niên ({source})",
        "{label}: the candidate is past youth age ({source})"}},
      {"introducer_count",
       {"{label}: cần {needed} đảng viên chính thức giới thiệu ({source})",
        "{label}: {needed} official members must introduce the candidate ({source})"}},
      {"introducer_repeated",
       {"{label}: người giới thiệu bị lặp", "{label}: the same introducer twice"}},
      {"introducer_not_found",
       {"{label}: không tìm thấy đảng viên giới thiệu", "{label}: introducer not found"}},
      {"introducer_not_official",
       {"{label}: {name} chưa là đảng viên chính thức vào ngày giới thiệu ({source})",
        "{label}: {name} was not an official member on the day of the introduction ({source})"}},
      {"introducer_other_base",
       {"{label}: {name} không sinh hoạt trong cùng tổ chức cơ sở đảng ({source})",
        "{label}: {name} is not in the same base organization ({source})"}},
      {"introducer_known_too_short",
       {"{label}: {name} mới cùng công tác, học tập hoặc cư trú {months} tháng; cần {value} tháng "
        "({source})",
        "{label}: {name} has known the candidate for {months} months; {value} are needed "
        "({source})"}},
      {"course_expired",
       {"{label}: giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng đã hết hạn từ {expired_on} "
        "({source})",
        "{label}: the party-awareness course certificate expired on {expired_on} ({source})"}},
      {"decision_late",
       {"{label}: quá hạn {value} ngày làm việc (hạn cuối {due}): ghi rõ lý do ({source})",
        "{label}: past the {value} working days (due {due}): give the reason ({source})"}},
      {"ceremony_late",
       {"{label}: quá hạn {value} ngày làm việc (hạn cuối {due}): ghi văn bản đồng ý của cấp ủy "
        "cấp trên ({source})",
        "{label}: past the {value} working days (due {due}): give the superior's consent "
        "({source})"}},
      {"received_before_decision",
       {"{label}: trước ngày ký quyết định", "{label}: before the decision was signed"}},
      {"readmission_not_former_member",
       {"{label}: không phải người đã ra khỏi Đảng", "{label}: not a former member"}},
      {"readmission_never",
       {"{label}: không xem xét kết nạp lại người ra khỏi Đảng vì: {ground} ({source})",
        "{label}: someone who left for this ground is never readmitted: {ground} ({source})"}},
      {"readmission_once",
       {"{label}: chỉ xem xét kết nạp lại một lần ({source})",
        "{label}: readmission is considered once only ({source})"}},
      {"readmission_too_early",
       {"{label}: chưa đủ thời gian để xem xét kết nạp lại; sớm nhất từ {eligible_from} ({source})",
        "{label}: too early for readmission; from {eligible_from} at the earliest ({source})"}},
      {"readmission_citizen_mismatch",
       {"{label}: khác số CCCD của người đã ra khỏi Đảng",
        "{label}: differs from the former member's citizen ID"}},
      {"former_member_readmission",
       {"{label}: người này từng là đảng viên: lập hồ sơ kết nạp lại",
        "{label}: this person was a member: open a readmission file"}},
      {"not_probationary",
       {"{label}: đảng viên không ở thời kỳ dự bị", "{label}: the member is not on probation"}},
      {"probation_not_ended",
       {"{label}: thời kỳ dự bị chưa hết (hết ngày {ends_on}) ({source})",
        "{label}: probation has not ended (it ends on {ends_on}) ({source})"}},
      {"member_not_on_roll",
       {"{label}: đảng viên không còn trong danh sách sinh hoạt",
        "{label}: the member is not on the roll"}},
      {"date_before_letter",
       {"{label}: trước ngày giấy giới thiệu", "{label}: before the introduction letter"}},
      {"not_for_internal",
       {"{label}: chỉ dùng khi chuyển ra ngoài hoặc từ ngoài vào",
        "{label}: only for transfers out of or into the tree"}},
      {"not_for_official",
       {"{label}: chỉ dùng với chuyển sinh hoạt tạm thời",
        "{label}: only for temporary transfers"}},
      {"transfer_same_org",
       {"{label}: trùng với nơi đang sinh hoạt", "{label}: the same organization"}},
      {"presented_late",
       {"{label}: xuất trình giấy giới thiệu quá hạn (hạn cuối {due}): ghi rõ lý do ({source})",
        "{label}: the letter was presented late (due {due}): give the reason ({source})"}},
      {"temporary_too_short",
       {"{label}: sinh hoạt tạm thời ít nhất đến {min} ({source})",
        "{label}: a temporary transfer lasts at least until {min} ({source})"}},
      {"temporary_too_long",
       {"{label}: quá thời hạn sinh hoạt tạm thời (giới hạn {max}) ({source})",
        "{label}: longer than a temporary transfer may last (limit {max}) ({source})"}},
      {"transfer_closed",
       {"{label}: chuyển sinh hoạt đã kết thúc ({state})",
        "{label}: the transfer is closed ({state})"}},
      {"arrival_status",
       {"{label}: đảng viên chuyển đến phải là đảng viên chính thức hoặc dự bị",
        "{label}: an arriving member is official or probationary"}},
      {"exit_ground_mismatch",
       {"{label}: lý do không thuộc trường hợp {status}", "{label}: not a ground for {status}"}},
      {"exit_before_admission", {"{label}: trước ngày vào Đảng", "{label}: before the admission"}},
      {"exit_date_on_roll",
       {"{label}: chỉ ghi khi đảng viên ra khỏi danh sách sinh hoạt",
        "{label}: only for members off the roll"}},
      {"exit_ground_on_roll",
       {"{label}: chỉ ghi khi đảng viên ra khỏi danh sách sinh hoạt",
        "{label}: only for members off the roll"}},
      {"required_for_exit",
       {"{label}: bắt buộc khi đảng viên ra khỏi danh sách sinh hoạt",
        "{label}: required for a member off the roll"}},
      {"probationary_not_expelled",
       {"{label}: đảng viên dự bị không bị kỷ luật khai trừ ({source})",
        "{label}: a probationary member cannot be expelled ({source})"}},
      {"not_exempted",
       {"{label}: đảng viên không đang được miễn sinh hoạt",
        "{label}: the member is not exempted"}},
      {"already_exempted",
       {"{label}: đảng viên đã được miễn sinh hoạt", "{label}: the member is exempted already"}},
      {"exemption_for_official",
       {"{label}: chỉ đảng viên chính thức được miễn công tác và sinh hoạt ({source})",
        "{label}: only official members are exempted from activities ({source})"}},
      {"ceremony_before_admission",
       {"{label}: trước ngày quyết định kết nạp", "{label}: before the admission decision"}},
      {"derived_field",
       {"{label}: do chibo tính, không nhập", "{label}: computed by chibo, not an input"}},
      {"changed_by_procedure",
       {"{label}: chỉ thay đổi qua thủ tục (công nhận chính thức, chuyển sinh hoạt, xóa tên ...) "
        "kèm văn bản quyết định",
        "{label}: changes only through its procedure (recognition, transfer, removal ...) with the "
        "deciding document"}},
      {"not_an_occasion",
       {"{label}: không phải một đợt trao tặng Huy hiệu Đảng (3/2, 19/5, 2/9, 7/11)",
        "{label}: not a badge award occasion (3/2, 19/5, 2/9, 7/11)"}},
      {"repeated", {"{label}: bị lặp", "{label}: repeated"}},
      {"badge_already_awarded",
       {"{label}: đã được tặng huy hiệu này hoặc cao hơn",
        "{label}: this badge or a higher one was awarded already"}},
      {"badge_not_reached",
       {"{label}: đến ngày {reached_on} mới đủ tuổi đảng ({source})",
        "{label}: the party age is reached only on {reached_on} ({source})"}},
      {"invalid_number", {"{label}: không phải số", "{label}: not a number"}},
      // Accounts and sessions.
      {"unauthenticated", {"Cần đăng nhập để tiếp tục", "Please sign in to continue"}},
      {"session_expired",
       {"Phiên làm việc đã hết hạn, vui lòng đăng nhập lại",
        "Your session has ended; please sign in again"}},
      {"login_failed", {"Tên đăng nhập hoặc mật khẩu không đúng", "Wrong username or password"}},
      {"totp_required",
       {"Nhập mã xác thực từ ứng dụng xác thực", "Enter the code from your authenticator app"}},
      {"totp_invalid",
       {"Mã xác thực không đúng hoặc đã được dùng", "The code is wrong or was already used"}},
      {"login_throttled",
       {"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {retry_after} giây.",
        "Too many failed sign-ins. Try again in {retry_after} seconds."}},
      {"password_change_required",
       {"Cần đổi mật khẩu dùng một lần trước khi tiếp tục",
        "Change your one-time password before going on"}},
      {"totp_enrolment_required",
       {"Vai trò của bạn cần xác thực hai lớp: hãy đăng ký ứng dụng xác thực",
        "Your role needs two-factor authentication: enrol an authenticator app"}},
      {"csrf_rejected",
       {"Yêu cầu bị từ chối vì không đến từ giao diện chibo",
        "The request was refused: it did not come from chibo's own pages"}},
      {"forbidden",
       {"Bạn không có quyền thực hiện thao tác này", "You are not allowed to do this"}},
      {"users_exist",
       {"Đã có người dùng: quản trị viên đầu tiên chỉ được tạo một lần",
        "Users exist already: the first administrator is created only once"}},
      {"totp_not_begun",
       {"Chưa bắt đầu đăng ký xác thực hai lớp", "Two-factor enrolment has not been started"}},
      {"audit_scope_required",
       {"Chỉ quản trị viên toàn hệ thống mới kiểm tra được toàn bộ nhật ký",
        "Only an administrator reaching everything can verify the whole trail"}},
      {"idempotency_key_reused",
       {"Idempotency-Key này đã được dùng cho một yêu cầu khác (khác đường dẫn hoặc nội dung); "
        "mỗi yêu cầu tạo mới cần một khóa riêng",
        "This Idempotency-Key was used for a different request (another path or body); each "
        "creating request needs a key of its own"}},
      {"idempotency_key_invalid",
       {"Tiêu đề Idempotency-Key không hợp lệ", "The Idempotency-Key header is not valid"}},
      {"idempotency_key_format",
       {"Idempotency-Key: từ 1 đến 255 ký tự ASCII nhìn thấy được (có thể đặt trong dấu "
        "ngoặc kép), không gồm dấu cách, \" hay \\",
        "Idempotency-Key: 1 to 255 visible ASCII characters (optionally in double quotes), no "
        "spaces, \" or \\"}},
      {"idempotency_key_no_user",
       {"Idempotency-Key chỉ dùng được khi đã đăng nhập bằng một tài khoản",
        "An Idempotency-Key needs a signed-in user"}},
      // Field problems.
      {"required", {"{label}: bắt buộc nhập", "{label}: required"}},
      {"too_long", {"{label}: dài quá {max} ký tự", "{label}: longer than {max} characters"}},
      {"invalid_utf8",
       {"{label}: không phải văn bản UTF-8 hợp lệ", "{label}: not valid UTF-8 text"}},
      {"control_character",
       {"{label}: chứa ký tự điều khiển", "{label}: contains control characters"}},
      {"invalid_date",
       {"{label}: ngày không hợp lệ (cần dạng YYYY-MM-DD và là ngày có thật)",
        "{label}: not a valid date (YYYY-MM-DD, a real calendar day)"}},
      {"unknown_code",
       {"{label}: giá trị \"{value}\" không có trong danh mục",
        "{label}: \"{value}\" is not in the list"}},
      {"unknown_field", {"Trường {field} không tồn tại", "Unknown field {field}"}},
      {"wrong_type", {"{label}: cần {expected}", "{label}: must be {expected}"}},
      {"name_charset",
       {"{label}: chỉ gồm chữ cái, dấu cách và các dấu ' - .",
        "{label}: only letters, spaces and ' - ."}},
      {"cccd_format", {"{label}: phải gồm đúng 12 chữ số", "{label}: must be exactly 12 digits"}},
      {"cccd_province",
       {"{label}: 3 chữ số đầu không phải mã tỉnh, thành phố",
        "{label}: the first 3 digits are not a province code"}},
      {"cccd_mismatch",
       {"{label}: chữ số thế kỷ, giới tính hoặc năm sinh không khớp với ngày sinh và giới tính",
        "{label}: the century, sex or birth-year digits disagree with the date of birth and sex"}},
      {"card_charset",
       {"{label}: chỉ gồm chữ, số và các dấu . - /", "{label}: only letters, digits and . - /"}},
      {"phone_format",
       {"{label}: số điện thoại Việt Nam gồm 10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84",
        "{label}: a Vietnamese number of 10 or 11 digits starting with 0 or +84"}},
      {"email_format",
       {"{label}: địa chỉ email không hợp lệ", "{label}: not a valid email address"}},
      {"education_format",
       {"{label}: ghi theo dạng lớp/hệ, ví dụ 12/12 hoặc 10/10",
        "{label}: grade/system, e.g. 12/12 or 10/10"}},
      {"invalid_id", {"{label}: mã số không hợp lệ", "{label}: not a valid id"}},
      {"org_not_found", {"{label}: không tìm thấy tổ chức", "{label}: organization not found"}},
      {"org_cannot_hold_members",
       {"{label}: {name} không phải chi bộ, không sinh hoạt đảng viên trực tiếp",
        "{label}: {name} is not a cell and cannot hold members"}},
      {"duplicate", {"{label}: đã có người khác dùng", "{label}: already used by someone else"}},
      {"date_in_future",
       {"{label}: không được sau ngày hôm nay", "{label}: cannot be after today"}},
      {"date_too_early", {"{label}: không được trước {min}", "{label}: cannot be before {min}"}},
      {"admission_under_age",
       {"{label}: khi vào Đảng chưa đủ {min} tuổi ({source})",
        "{label}: under {min} years old at admission ({source})"}},
      {"official_date_for_probationary",
       {"{label}: đảng viên dự bị chưa có ngày chính thức",
        "{label}: a probationary member has no official date"}},
      {"official_before_admission",
       {"{label}: phải sau ngày vào Đảng", "{label}: must be after the admission date"}},
      {"required_for_official",
       {"{label}: bắt buộc với đảng viên chính thức", "{label}: required for an official member"}},
      {"card_for_probationary",
       {"{label}: thẻ đảng chỉ cấp cho đảng viên chính thức",
        "{label}: party cards are issued to official members only"}},
      {"out_of_range", {"{label}: ngoài khoảng cho phép", "{label}: out of range"}},
      {"range_reversed",
       {"{label}: nhỏ hơn giá trị bắt đầu", "{label}: smaller than the start of the range"}},
      {"parent_required",
       {"{label}: {kind} phải thuộc một tổ chức cấp trên",
        "{label}: a {kind} needs a parent organization"}},
      {"kind_not_allowed_under",
       {"{label}: {kind} không thể trực thuộc {parent_kind}",
        "{label}: a {kind} cannot sit under a {parent_kind}"}},
      {"move_into_own_subtree",
       {"{label}: không thể chuyển vào chính nó hoặc tổ chức trực thuộc nó",
        "{label}: cannot move into itself or its own subtree"}},
      {"move_same_parent",
       {"{label}: tổ chức đã trực thuộc nơi này", "{label}: it is already there"}},
      {"merge_into_own_subtree",
       {"{label}: không thể hợp nhất vào tổ chức trực thuộc nó",
        "{label}: cannot merge into its own subtree"}},
      {"target_cannot_hold_members",
       {"{label}: tổ chức nhận không sinh hoạt đảng viên trực tiếp",
        "{label}: the target cannot hold members"}},
      {"target_cannot_take_children",
       {"{label}: tổ chức nhận không thể quản lý {child}",
        "{label}: the target cannot take {child}"}},
      {"date_before_established",
       {"{label}: trước ngày thành lập", "{label}: before the organization was established"}},
      {"kind_conflicts_with_children",
       {"{label}: không phù hợp với tổ chức trực thuộc {child}",
        "{label}: does not fit the child {child}"}},
      {"kind_cannot_hold_members",
       {"{label}: loại này không sinh hoạt đảng viên trực tiếp mà tổ chức đang có đảng viên",
        "{label}: this kind cannot hold the members the organization has"}},
      {"code_charset",
       {"{label}: chỉ gồm chữ không dấu, số và các dấu . - _",
        "{label}: only ASCII letters, digits and . - _"}},
      {"db_url_format",
       {"{label}: cần dạng sqlite:ĐƯỜNG_DẪN hoặc postgresql://...",
        "{label}: use sqlite:PATH or postgresql://..."}},
      {"db_backup_refused",
       {"chibo db backup: không sao lưu được", "chibo db backup: cannot back up"}},
      {"db_backup_failed",
       {"Sao lưu thất bại, không để lại gì ở đích: {detail}",
        "The backup failed and left nothing at the target: {detail}"}},
      {"db_backup_cannot_open",
       {"{label}: không mở được {url}: {detail}", "{label}: cannot open {url}: {detail}"}},
      {"db_backup_sqlite_only",
       {"{label}: sao lưu trực tuyến là của SQLite; PostgreSQL dùng pg_basebackup hoặc pg_dump "
        "(docs/deploy.md)",
        "{label}: online backup is SQLite's; for PostgreSQL use pg_basebackup or pg_dump "
        "(docs/deploy.md)"}},
      {"db_copy_refused", {"chibo db copy: không sao chép được", "chibo db copy: cannot copy"}},
      {"db_copy_failed",
       {"Sao chép thất bại, không để lại gì ở đích: {detail}",
        "The copy failed and left nothing at the target: {detail}"}},
      {"db_copy_mismatch",
       {"Bảng {table} ở đích khác nguồn sau khi chép ({target} so với {source}); không để lại gì",
        "Table {table} differs from the source after copying ({target} against {source}); "
        "nothing was kept"}},
      {"db_copy_audit_broken",
       {"Chuỗi nhật ký kiểm toán ở bản sao đứt tại #{seq}; không để lại gì",
        "The copy's audit chain breaks at #{seq}; nothing was kept"}},
      {"db_copy_same", {"{label}: trùng với --from", "{label}: the same database as --from"}},
      {"db_copy_no_source", {"{label}: không có tệp {url}", "{label}: {url} does not exist"}},
      {"db_copy_cannot_open",
       {"{label}: không mở được {url}: {detail}", "{label}: cannot open {url}: {detail}"}},
      {"db_copy_target_exists",
       {"{label}: {url} đã có; chỉ chép sang một tệp chưa có",
        "{label}: {url} exists; the copy goes only to a file that does not exist yet"}},
      {"db_copy_target_not_empty",
       {"{label}: cơ sở dữ liệu {url} đã có bảng; chỉ chép vào một cơ sở dữ liệu trống "
        "(createdb)",
        "{label}: the database {url} has tables already; the copy goes only into an empty "
        "database (createdb)"}},
      {"db_copy_source_version",
       {"{label}: lược đồ của nguồn là {found}, phiên bản chibo này là {supported}; chạy chibo "
        "init trên nguồn bằng chibo này trước",
        "{label}: the source's schema is {found}, this chibo's is {supported}; run chibo init on "
        "the source with this chibo first"}},
      {"db_copy_schema_differs",
       {"{label}: các bảng của nguồn khác lược đồ của chibo này {table}",
        "{label}: the source's tables differ from this chibo's schema {table}"}},
      {"db_copy_broken_reference",
       {"{label}: nguồn có dòng tham chiếu tới bản ghi không tồn tại {table}; sửa nguồn (chibo "
        "check) rồi chép lại",
        "{label}: the source has rows referring to records that do not exist {table}; repair "
        "the source (chibo check) and copy again"}},
      {"column_unknown", {"Cột \"{column}\" không được hỗ trợ", "Unsupported column \"{column}\""}},
      {"column_missing", {"Thiếu cột bắt buộc {label}", "Missing required column {label}"}},
      {"column_duplicate", {"Cột {label} xuất hiện hai lần", "Column {label} appears twice"}},
      {"row_width",
       {"Dòng có {found} cột, tiêu đề có {expected}",
        "The row has {found} columns; the header has {expected}"}},
      {"password_too_short",
       {"{label}: cần ít nhất {min} ký tự", "{label}: at least {min} characters"}},
      {"password_too_long",
       {"{label}: nhiều nhất {max} ký tự", "{label}: at most {max} characters"}},
      {"password_common",
       {"{label}: mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác (một câu dài dễ "
        "nhớ là tốt)",
        "{label}: this password is too common and easily guessed; choose another (a long phrase "
        "works well)"}},
      {"password_contains_username",
       {"{label}: không được chứa tên đăng nhập", "{label}: must not contain the username"}},
      {"password_invalid_utf8",
       {"{label}: không phải văn bản UTF-8 hợp lệ", "{label}: not valid UTF-8 text"}},
      {"password_wrong", {"{label}: không đúng", "{label}: wrong"}},
      {"password_unchanged",
       {"{label}: phải khác mật khẩu hiện tại", "{label}: must differ from the current one"}},
      {"username_format",
       {"{label}: 3 đến 64 ký tự gồm chữ thường không dấu, số và các dấu . _ -",
        "{label}: 3 to 64 lower-case ASCII letters, digits and . _ -"}},
      {"username_taken", {"{label}: đã có người dùng", "{label}: already taken"}},
      {"required_for_role",
       {"{label}: bắt buộc với vai trò {role}", "{label}: required for the role {role}"}},
      {"member_not_found", {"{label}: không tìm thấy đảng viên", "{label}: member not found"}},
      {"root_needs_global_scope",
       {"{label}: chỉ quản trị viên toàn hệ thống mới tạo được tổ chức cấp cao nhất",
        "{label}: only an administrator reaching everything may create a top-level organization"}},
      {"cannot_disable_self",
       {"{label}: không thể tự khóa tài khoản của mình", "{label}: you cannot disable yourself"}},
      {"too_many", {"{label}: nhiều nhất {max} mục", "{label}: at most {max} items"}},
      {"invalid_text", {"{label}: văn bản không hợp lệ", "{label}: invalid text"}},
      {"totp_secret_format",
       {"{label}: cần một khóa base32 (A-Z, 2-7) từ 16 ký tự",
        "{label}: a base32 key (A-Z, 2-7) of at least 16 characters"}},
      {"date_format",
       {"{label}: cần dạng YYYY-MM-DD hoặc thời điểm ISO 8601",
        "{label}: use YYYY-MM-DD or an ISO 8601 instant"}},
      {"duplicate_in_file",
       {"{label}: trùng với dòng {line} trong tệp", "{label}: same as line {line} of the file"}},
  };
  return texts;
}

void fill(std::string& text, const Params& params) {
  for (const auto& [name, value] : params) {
    const std::string placeholder = "{" + name + "}";
    for (size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
}

}  // namespace

Lang pick_language(std::string_view accept_language) {
  // The preferred of Vietnamese and English by q-value (RFC 9110 §12.5.4); ties and anything
  // else go to Vietnamese.
  double vi = -1;
  double en = -1;
  size_t start = 0;
  while (start < accept_language.size()) {
    size_t end = accept_language.find(',', start);
    if (end == std::string_view::npos) end = accept_language.size();
    std::string item(accept_language.substr(start, end - start));
    start = end + 1;
    std::transform(item.begin(), item.end(), item.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    item.erase(std::remove(item.begin(), item.end(), ' '), item.end());
    double quality = 1.0;
    const size_t q = item.find(";q=");
    if (q != std::string::npos) {
      try {
        quality = std::stod(item.substr(q + 3));
      } catch (const std::exception&) {
        quality = 0;
      }
      item = item.substr(0, q);
    }
    const std::string primary = item.substr(0, item.find('-'));
    if (primary == "vi") vi = std::max(vi, quality);
    if (primary == "en") en = std::max(en, quality);
  }
  return en > 0 && en > vi ? Lang::kEn : Lang::kVi;
}

std::string message(std::string_view code, Lang lang, const Params& params) {
  const auto& texts = catalog();
  const auto found = texts.find(code);
  std::string text;
  if (found == texts.end()) {
    text = lang == Lang::kVi ? "Lỗi: " + std::string(code) : "Error: " + std::string(code);
  } else {
    text = lang == Lang::kVi ? found->second.vi : found->second.en;
  }
  fill(text, params);
  return text;
}

bool has_message(std::string_view code) { return catalog().count(code) > 0; }

}  // namespace chibo::i18n
