import type { Catalogs, OrgKind } from '@/types';

/** Kinds that may sit directly under an organization of `parentKind` (null: a root). */
export function childKinds(catalogs: Catalogs | undefined, parentKind: string | null): OrgKind[] {
  return (catalogs?.org_kinds ?? []).filter((kind) =>
    parentKind === null ? kind.root : (kind.parents as readonly string[]).includes(parentKind),
  );
}

export function mayBeChildOf(
  catalogs: Catalogs | undefined,
  kind: string,
  parentKind: string,
): boolean {
  const info = catalogs?.org_kinds.find((item) => item.code === kind);
  return !!info && (info.parents as readonly string[]).includes(parentKind);
}
