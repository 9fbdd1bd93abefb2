// The pages' code chunks. The router renders them with React.lazy and the loaders start
// downloading them at navigation time, in parallel with the first render of the frame.
export const pages = {
  login: () => import('./routes/login'),
  firstLogin: () => import('./routes/first-login'),
  orgs: () => import('./routes/orgs'),
  members: () => import('./routes/members'),
  member: () => import('./routes/member'),
  memberEdit: () => import('./routes/member-edit'),
  memberNew: () => import('./routes/member-new'),
  account: () => import('./routes/account'),
  users: () => import('./routes/users'),
  audit: () => import('./routes/audit'),
  admission: () => import('./routes/admission'),
  probation: () => import('./routes/probation'),
  transfers: () => import('./routes/transfers'),
  badges: () => import('./routes/badges'),
  rules: () => import('./routes/rules'),
  documents: () => import('./routes/documents'),
  document: () => import('./routes/document'),
  documentNew: () => import('./routes/document-new'),
  documentEdit: () => import('./routes/document-edit'),
  notFound: () => import('./routes/not-found'),
};
