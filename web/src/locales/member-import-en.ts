// English texts of the members import page (issue 16); spread into en.ts.
export const memberImportEn = {
  memberImport: {
    title: 'Import members',
    upload: 'Upload a file',
    drop: 'Drop a CSV or Excel (XLSX) file here, or click to choose one',
    hint: 'The first row holds the column headers (labels such as Full name, Citizen ID, Birth date...); dates as dd/mm/yyyy or Excel dates. Every row is checked first: with any error nothing is written.',
    progress: 'Import progress',
    state: 'State',
    rowsChecked: 'Rows checked',
    rowsWritten: 'Members written',
    startedAt: 'Started at',
    finishedAt: 'Finished at',
    errors: 'Errors',
    nothingWritten:
      '{{count}} errors: no member was written. Correct the file and upload it again.',
    row: 'Row',
    column: 'Column',
    message: 'Error',
    wholeFile: 'Whole file',
    cancel: 'Cancel the import',
    states: {
      queued: 'Queued',
      checking: 'Checking',
      checked: 'Checked, waiting to be written',
      writing: 'Writing',
      done: 'Done',
      failed: 'Failed',
      cancelled: 'Cancelled',
    },
  },
};
