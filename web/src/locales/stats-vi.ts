// Vietnamese texts of figures as of a date and the periodic report (issue 16); spread into vi.ts.
export const statsVi = {
  stats: {
    asOf: 'Số liệu đến ngày',
    asOfToday: 'Hôm nay',
    asOfBasis: 'Tính trên {{n}} đảng viên trong danh sách ngày {{date}}',
    undatedExemptions:
      '{{n}} đảng viên đang miễn công tác và sinh hoạt chưa ghi ngày bắt đầu: tính là đảng viên chính thức',
    report: 'Báo cáo định kỳ',
    reportPeriod: 'Kỳ báo cáo',
    download: 'Tải báo cáo (Excel)',
    firstHalf: '6 tháng đầu năm {{year}}',
    secondHalf: '6 tháng cuối năm {{year}}',
    year: 'Năm {{year}}',
    untilToday: '(đến hôm nay)',
  },
};
