// English texts of the remediation list (issue 15); spread into en.ts.
export const remediationEn = {
  remediation: {
    title: 'Remediation of shortcomings',
    org: 'Organization',
    pickOrg: 'Choose a party organization',
    states: {
      all: 'All',
      open: 'Open',
      overdue: 'Overdue',
      closed: 'Closed',
    },
    sources: {
      all: 'Every source',
      review: 'Annual review',
      inspection: 'Inspection',
    },
    kinds: {
      limitation: 'Limitation',
      fault: 'Fault',
      violation: 'Violation',
      recommendation: 'Recommendation',
    },
    columns: {
      source: 'Source',
      subject: 'About',
      kind: 'Kind',
      description: 'Description',
      action: 'Remedy',
      owner: 'Owner',
      due_on: 'Due',
      state: 'State',
    },
  },
};
