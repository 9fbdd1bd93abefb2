// Vietnamese texts of the remediation list (issue 15); spread into vi.ts.
export const remediationVi = {
  remediation: {
    title: 'Khắc phục hạn chế, khuyết điểm',
    org: 'Tổ chức',
    pickOrg: 'Chọn một tổ chức đảng',
    states: {
      all: 'Tất cả',
      open: 'Chưa khắc phục',
      overdue: 'Quá hạn',
      closed: 'Đã khắc phục',
    },
    sources: {
      all: 'Mọi nguồn',
      review: 'Kiểm điểm',
      inspection: 'Kiểm tra, giám sát',
    },
    kinds: {
      limitation: 'Hạn chế',
      fault: 'Khuyết điểm',
      violation: 'Vi phạm',
      recommendation: 'Kiến nghị',
    },
    columns: {
      source: 'Nguồn',
      subject: 'Đối tượng',
      kind: 'Loại',
      description: 'Nội dung',
      action: 'Biện pháp khắc phục',
      owner: 'Người chịu trách nhiệm',
      due_on: 'Hạn',
      state: 'Trạng thái',
    },
  },
};
