// Vietnamese texts of the compliance board (issue 16); spread into vi.ts.
export const complianceVi = {
  compliance: {
    title: 'Bảng tuân thủ',
    titleOf: 'Bảng tuân thủ: {{org}}',
    org: 'Tổ chức',
    chooseOrg: 'Chọn tổ chức đảng',
    orgPage: 'Trang tổ chức',
    total: '{{n}} việc trái quy định hoặc quá hạn trong toàn bộ cây, tính đến ngày {{date}}',
    children: 'Theo tổ chức trực thuộc',
    items: 'Các việc quá hạn, lâu nhất trước',
    itemsOf: 'Các việc quá hạn: {{area}}',
    empty: 'Không có việc nào quá hạn',
    daysOverdue: 'Quá {{n}} ngày',
    columns: {
      org: 'Tổ chức',
      total: 'Tổng',
      subject: 'Việc',
      due: 'Hạn',
      days: 'Quá hạn',
    },
    areas: {
      directives: 'Nhiệm vụ chỉ đạo',
      meetings: 'Sinh hoạt chi bộ',
      review: 'Khắc phục khuyết điểm',
      probation: 'Công nhận chính thức',
      transfers: 'Chuyển sinh hoạt',
      dues: 'Nợ đảng phí',
    },
    kinds: {
      'directives.assignment_overdue': 'Nhiệm vụ được giao quá hạn chưa hoàn thành',
      'meetings.regular_missing': 'Chưa sinh hoạt thường kỳ (hoặc chưa ghi kết quả) tháng trước',
      'review.shortcoming_overdue': 'Hạn chế, khuyết điểm quá hạn khắc phục',
      'probation.recognition_due': 'Hết thời gian dự bị, chưa được công nhận chính thức',
      'transfers.in_transit_overdue': 'Chuyển sinh hoạt quá hạn nộp giấy giới thiệu',
      'dues.arrears': 'Chưa đóng đủ đảng phí các tháng đã qua',
    },
  },
};
