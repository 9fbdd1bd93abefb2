// Every address the UI links to, in one place. The scope (organization worked in) travels
// as /orgs/:id on the tree and as ?org= on member lists, so any screen can be bookmarked.

export const paths = {
  orgs: () => '/orgs',
  org: (id: number) => `/orgs/${id}`,
  members: (search?: URLSearchParams | string) => {
    const text = search ? search.toString() : '';
    return text ? `/members?${text}` : '/members';
  },
  membersOf: (org: number | undefined) => (org ? `/members?org=${org}` : '/members'),
  member: (id: number) => `/members/${id}`,
  memberEdit: (id: number) => `/members/${id}/edit`,
  memberNew: (org?: number) => (org ? `/members/new?org=${org}` : '/members/new'),
};
