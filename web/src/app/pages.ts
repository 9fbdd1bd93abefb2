// The pages' code chunks. The router renders them with React.lazy and the loaders start
// downloading them at navigation time, in parallel with the first render of the frame.
export const pages = {
  orgs: () => import('./routes/orgs'),
  members: () => import('./routes/members'),
  member: () => import('./routes/member'),
  memberEdit: () => import('./routes/member-edit'),
  memberNew: () => import('./routes/member-new'),
  notFound: () => import('./routes/not-found'),
};
