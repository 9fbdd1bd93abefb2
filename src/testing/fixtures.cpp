#include "testing/fixtures.h"

#include <cstdlib>
#include <iostream>

#include "io/calendar_loader.h"
#include "io/catalog_loader.h"
#include "io/rules_loader.h"

namespace chibo::testing {

const domain::Catalog& catalog() {
  static const domain::Catalog loaded = [] {
    auto result = io::load_catalog();
    if (!result) {
      std::cerr << "catalog failed to load: " << result.error().reason << "\n";
      std::abort();
    }
    return std::move(*result);
  }();
  return loaded;
}

const domain::RuleSet& rules() {
  static const domain::RuleSet loaded = [] {
    auto result = io::load_rules("");
    if (!result) {
      std::cerr << "rules failed to load: " << result.error().reason << "\n";
      std::abort();
    }
    return std::move(*result);
  }();
  return loaded;
}

const domain::WorkingCalendar& calendar() {
  static const domain::WorkingCalendar loaded = [] {
    auto result = io::load_calendar("", rules());
    if (!result) {
      std::cerr << "calendar failed to load: " << result.error().reason << "\n";
      std::abort();
    }
    return std::move(*result);
  }();
  return loaded;
}

domain::MemberPatch valid_member_patch(long long org, const std::string& citizen_id) {
  return {
      {"full_name", "Nguyễn Văn An"},
      {"sex", "male"},
      {"birth_date", "1980-05-17"},
      {"ethnicity", "01"},
      {"religion", "none"},
      {"citizen_id", citizen_id},
      {"admission_date", "2005-03-02"},
      {"official_date", "2006-03-02"},
      {"org_id", std::to_string(org)},
      {"status", "official"},
  };
}

}  // namespace chibo::testing

namespace chibo::testing {

domain::PartyDocument sample_party_document() {
  domain::PartyDocument document;
  document.type = "ke_hoach";
  document.superior_issuer = "Đảng bộ Chính phủ";
  document.issuer_name = "Đảng ủy Bộ Tư pháp";
  document.symbol = "09-KH/ĐU";
  document.place = "Hà Nội";
  document.issued_on = date("2026-02-05");
  document.summary =
      "học tập, quán triệt và triển khai thực hiện Nghị quyết Đại hội đại biểu "
      "toàn quốc lần thứ XIV của Đảng";
  document.body = {
      "Thực hiện Kế hoạch của Ban Thường vụ Đảng ủy cấp trên về việc học tập, quán triệt và "
      "triển khai thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, Ban "
      "Thường vụ Đảng ủy Bộ Tư pháp xây dựng Kế hoạch thực hiện như sau:",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Giúp cán bộ, đảng viên nắm vững những nội dung cơ bản, cốt lõi của Nghị quyết; tạo sự "
      "thống nhất cao về ý chí và hành động trong toàn Đảng bộ.",
      "2. Việc học tập, quán triệt phải được tiến hành nghiêm túc, thiết thực, hiệu quả; gắn với "
      "việc xây dựng chương trình hành động của từng chi bộ.",
      "II. NỘI DUNG, HÌNH THỨC VÀ THỜI GIAN",
      "Các chi bộ tổ chức học tập trong tháng 3 năm 2026; báo cáo kết quả về Văn phòng Đảng ủy "
      "trước ngày 15/4/2026.",
  };
  document.authority = "tm";
  document.signing_for = "Ban Thường vụ";
  document.signer_position = "Phó Bí thư";
  document.signer_name = "Nguyễn Văn An";
  document.recipients = {"Ban Thường vụ Đảng ủy cấp trên (để báo cáo)", "Các chi bộ trực thuộc",
                         "Lưu Văn phòng Đảng ủy"};
  document.secrecy = "mat";
  document.urgency = "khan";
  return document;
}

}  // namespace chibo::testing
