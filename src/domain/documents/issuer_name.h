// The name a document prints for the body that issues it, from the organization's name
// (Hướng dẫn 36-HD/VPTW: the issuer line names the committee, the line above it the superior
// organization): "Đảng bộ Bộ Tư pháp" issuing as its committee prints "Đảng ủy Bộ Tư pháp",
// "Đảng bộ tỉnh Thái Nguyên" prints "Tỉnh ủy Thái Nguyên", its inspection committee
// "Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên". A cell (chi bộ) issues under its own name.
#pragma once

#include <string>
#include <string_view>

namespace chibo::domain {

std::string issuer_name(std::string_view org_name, std::string_view issuing_body);

}  // namespace chibo::domain
