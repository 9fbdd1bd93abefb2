// English texts of the compliance board (issue 16); spread into en.ts.
export const complianceEn = {
  compliance: {
    title: 'Compliance board',
    titleOf: 'Compliance board: {{org}}',
    org: 'Organization',
    chooseOrg: 'Choose a party organization',
    orgPage: 'Organization page',
    total: '{{n}} items out of rule or overdue in the whole subtree, as of {{date}}',
    children: 'By direct subordinate organization',
    items: 'Overdue items, most overdue first',
    itemsOf: 'Overdue items: {{area}}',
    lagging: 'Organizations lagging most',
    empty: 'Nothing is overdue',
    daysOverdue: '{{n}} days overdue',
    columns: {
      org: 'Organization',
      total: 'Total',
      subject: 'Item',
      due: 'Due',
      days: 'Overdue',
    },
    areas: {
      directives: 'Directive tasks',
      meetings: 'Cell meetings',
      review: 'Shortcomings to remedy',
      probation: 'Recognition',
      transfers: 'Transfers',
      dues: 'Dues arrears',
      inspection: 'Inspection and supervision',
    },
    kinds: {
      'directives.assignment_overdue': 'Assigned task past its due date',
      'meetings.regular_missing': 'No regular meeting held (or recorded) last month',
      'review.shortcoming_overdue': 'Shortcoming past its remediation date',
      'probation.recognition_due': 'Probation ended, not yet recognized',
      'transfers.in_transit_overdue': 'Transfer letter not presented in time',
      'dues.arrears': 'Dues of past months not fully paid',
      'inspection.item_overdue':
        'Violations and recommendations of an inspection past their due date',
    },
  },
};
