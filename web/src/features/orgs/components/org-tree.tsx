// The organization tree, loaded one level at a time as nodes are opened (the bloc has
// thousands of organizations). Opening an organization from the URL or a search opens its
// ancestors and scrolls it into view: its detail (fetched, or already cached from a search
// result) lists them, so every level on the way loads at once. Arrow keys move through the
// tree once it has focus.
import { WarningFilled } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Tree } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/page-state';
import { useElementHeight } from '@/hooks/use-element-height';
import { useCatalogLabel } from '@/lib/catalogs';
import { formatNumber } from '@/lib/format';
import { childrenQuery, orgQuery, rootsQuery } from '@/lib/org-queries';
import type { Org } from '@/types';

type TreeRef = React.ComponentRef<typeof Tree>;

interface OrgTreeProps {
  selectedId?: number;
  onSelect: (id: number) => void;
  empty: React.ReactNode;
}

function union(list: number[], add: number[]): number[] {
  const missing = add.filter((id) => !list.includes(id));
  return missing.length ? [...list, ...missing] : list;
}

export function OrgTree({ selectedId, onSelect, empty }: OrgTreeProps) {
  const { t, i18n } = useTranslation();
  const label = useCatalogLabel();
  const client = useQueryClient();
  const treeRef = useRef<TreeRef>(null);
  const [containerRef, height] = useElementHeight<HTMLDivElement>(480);
  const roots = useQuery(rootsQuery());
  const [requested, setRequested] = useState<number[]>([]);
  const [expanded, setExpanded] = useState<number[]>([]);
  const selected = useQuery({ ...orgQuery(selectedId ?? 0), enabled: !!selectedId });

  // Open the selected organization's ancestors, all levels at once (once per selection). The
  // tree starts at the user's scopes (GET /orgs lists them for a scoped user), so only the
  // ancestors from a top of the tree down are opened; those above are out of reach.
  const revealed = useRef<string | undefined>(undefined);
  const selectedData = selected.data;
  const rootIds = useMemo(() => (roots.data ?? []).map((org) => org.id), [roots.data]);
  const reachable = useMemo(() => {
    if (!selectedData) return undefined;
    const ids = selectedData.ancestors.map((org) => org.id);
    const top = ids.findIndex((id) => rootIds.includes(id));
    return top < 0 ? [] : ids.slice(top);
  }, [selectedData, rootIds]);
  useEffect(() => {
    if (!selectedData || !reachable || !roots.data || revealed.current === selectedData.path) {
      return;
    }
    revealed.current = selectedData.path;
    setRequested((list) => union(list, reachable));
    setExpanded((list) => union(list, reachable));
  }, [selectedData, reachable, roots.data]);

  const children = useQueries({ queries: requested.map((id) => childrenQuery(id)) });
  const childrenById = useMemo(() => {
    const map = new Map<number, Org[]>();
    requested.forEach((id, index) => {
      const data = children[index]?.data;
      if (data) map.set(id, data);
    });
    return map;
  }, [requested, children]);

  const title = useCallback(
    (org: Org) => {
      const tip = `${org.name}\n${label('org_kinds', org.kind)} · ${t('org.counts.official')}: ${formatNumber(
        org.counts.official,
        i18n.language,
      )} · ${t('org.counts.probationary')}: ${formatNumber(org.counts.probationary, i18n.language)}`;
      return (
        <span className="org-node" title={tip} data-org-id={org.id}>
          <span className="org-node-name">{org.name}</span>
          <span className="org-node-count" aria-label={t('org.counts.on_roll')}>
            {formatNumber(org.counts.on_roll, i18n.language)}
          </span>
          {org.warnings.length > 0 && (
            <WarningFilled className="org-node-warning" aria-label={t('org.warnings.title')} />
          )}
        </span>
      );
    },
    [label, t, i18n.language],
  );

  const treeData = useMemo(() => {
    const build = (orgs: Org[]): TreeDataNode[] =>
      orgs.map((org) => {
        const loaded = childrenById.get(org.id);
        return {
          key: org.id,
          title: title(org),
          isLeaf: org.child_count === 0,
          children: loaded ? build(loaded) : undefined,
        };
      });
    return build(roots.data ?? []);
  }, [roots.data, childrenById, title]);

  // Scroll the selection into view once its row exists (every level above it loaded).
  const scrolled = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!selectedId || !selectedData || scrolled.current === selectedData.path) return;
    if (!reachable?.every((id) => childrenById.has(id))) return;
    scrolled.current = selectedData.path;
    requestAnimationFrame(() => treeRef.current?.scrollTo({ key: selectedId, align: 'auto' }));
  }, [selectedId, selectedData, reachable, childrenById]);

  const loadData: TreeProps['loadData'] = async (node) => {
    const id = Number(node.key);
    setRequested((list) => union(list, [id]));
    await client.fetchQuery(childrenQuery(id));
  };

  if (roots.isPending) return <LoadingState rows={8} />;
  if (roots.isError)
    return <ErrorState error={roots.error} onRetry={() => void roots.refetch()} compact />;
  if (roots.data.length === 0) return <>{empty}</>;

  return (
    <div ref={containerRef} className="org-tree-box" data-testid="org-tree">
      <Tree
        ref={treeRef}
        treeData={treeData}
        height={height}
        virtual
        blockNode
        showLine={{ showLeafIcon: false }}
        loadData={loadData}
        loadedKeys={[...childrenById.keys()]}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys.map(Number))}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys, info) => {
          const key = keys[0] ?? info.node.key;
          onSelect(Number(key));
        }}
        aria-label={t('org.tree.title')}
      />
    </div>
  );
}
