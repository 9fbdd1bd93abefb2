// Committee positions (data/catalog/committee_positions.tsv) an organization of each kind has,
// in the catalog's order; the server refuses any other (position_not_in_kind).
const cell = ['secretary', 'deputy_secretary', 'cell_committee_member'];
const subCommittee = ['secretary', 'deputy_secretary', 'committee_member'];
const committee = [
  'secretary',
  'deputy_secretary',
  'standing_member',
  'committee_member',
  'inspection_chair',
  'inspection_deputy',
  'inspection_member',
];

export function positionsOf(kind: string): string[] {
  if (kind === 'party_group') return [];
  if (kind === 'cell' || kind === 'base_cell') return cell;
  if (kind === 'sub_committee') return subCommittee;
  return committee;
}

/** The body a position belongs to: the committee itself or its inspection committee. */
export function isInspection(position: string): boolean {
  return position.startsWith('inspection_');
}
