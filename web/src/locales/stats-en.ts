// English texts of figures as of a date and the periodic report (issue 16); spread into en.ts.
export const statsEn = {
  stats: {
    asOf: 'Figures as of',
    asOfToday: 'Today',
    asOfBasis: 'Out of {{n}} members on the roll on {{date}}',
    undatedExemptions:
      '{{n}} members exempted from activities without a recorded start: counted as official',
    report: 'Periodic report',
    reportPeriod: 'Report period',
    download: 'Download report (Excel)',
    firstHalf: 'First half of {{year}}',
    secondHalf: 'Second half of {{year}}',
    year: 'Year {{year}}',
    untilToday: '(to date)',
  },
};
