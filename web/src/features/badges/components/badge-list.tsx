// The members of an organization's subtree due a Party badge at an occasion (30, 40, 45 … 90
// years of party age reached by then and not yet awarded; one badge each, the highest first):
// the occasion and milestones to list, the counts by milestone, the CSV of exactly this list,
// and, for the committee office, a decision's awards for the members selected.
import { DownloadOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { EmptyState, ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { useRules } from '@/lib/catalogs';
import { formatDate, formatNumber } from '@/lib/format';
import { useToday } from '@/lib/today';
import { currentLanguage } from '@/lib/i18n';
import { orgQuery } from '@/lib/org-queries';
import { useCan } from '@/lib/session';
import type { BadgeItem } from '@/types';
import { useBadges } from '../api/badges';
import {
  badgeCsvHref,
  badgePageSizes,
  milestonesOn,
  occasionChoices,
  occasionLabel,
  type BadgeParams,
} from '../lib/badges';
import { AwardModal } from './award-modal';

export function BadgeList({
  params,
  onChange,
}: {
  params: BadgeParams;
  onChange: (params: BadgeParams) => void;
}) {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const lang = i18n.language;
  const rules = useRules().data;
  const canExport = useCan('member.export');
  const canDecide = useCan('member.decide');
  const org = useQuery({ ...orgQuery(params.org ?? 0), enabled: !!params.org });
  const list = useBadges(params);
  const [selected, setSelected] = useState<Map<number, BadgeItem>>(new Map());
  const [awarding, setAwarding] = useState(false);
  const occasion = params.occasion ?? list.data?.occasion;
  const choices = occasionChoices(rules, today);
  if (occasion && !choices.includes(occasion)) choices.push(occasion);
  choices.sort();
  const set = (patch: Partial<BadgeParams>) => {
    setSelected(new Map());
    onChange({ ...params, page: 1, ...patch });
  };

  const columns: TableColumnsType<BadgeItem> = [
    {
      key: 'member',
      title: t('badges.columns.member'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <Link to={paths.member(item.id)} data-testid="badge-member">
            {item.full_name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.org_name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'admission',
      title: t('badges.columns.admission'),
      render: (_, item) => formatDate(item.admission_date),
    },
    {
      key: 'milestone',
      title: t('badges.columns.milestone'),
      render: (_, item) => (
        <Tag color="gold" data-testid="badge-milestone">
          {t('badges.milestone', { years: item.milestone })}
        </Tag>
      ),
    },
    {
      key: 'reached',
      title: t('badges.columns.reached'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDate(item.reached_on)}</span>
          <Typography.Text
            type={item.since_last_occasion ? 'success' : 'warning'}
            style={{ fontSize: 12 }}
          >
            {item.since_last_occasion ? t('badges.new') : t('badges.missed')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'age',
      title: t('badges.columns.age'),
      render: (_, item) => t('badges.years', { count: item.party_age_years }),
    },
    {
      key: 'highest',
      title: t('badges.columns.highest'),
      render: (_, item) =>
        item.highest_awarded ? t('badges.milestone', { years: item.highest_awarded }) : '—',
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="badge-list">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {org.data ? t('badges.titleOf', { name: org.data.name }) : t('badges.title')}
        </Typography.Title>
        <OrgPicker
          value={params.org}
          onChange={(next) => set({ org: next ?? undefined })}
          style={{ width: 360 }}
          aria-label={t('badges.org')}
          placeholder={t('badges.chooseOrg')}
        />
      </Flex>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Space wrap>
          <Select
            aria-label={t('badges.occasion')}
            data-testid="badge-occasion"
            style={{ width: 220 }}
            value={occasion}
            onChange={(next) => set({ occasion: next })}
            options={choices.map((day) => ({
              value: day,
              label: t(
                day === list.data?.occasion && !params.occasion
                  ? 'badges.nextOccasion'
                  : 'badges.occasionOf',
                {
                  date: occasionLabel(day),
                },
              ),
            }))}
          />
          <Select
            aria-label={t('badges.milestones')}
            data-testid="badge-milestones"
            mode="multiple"
            allowClear
            style={{ minWidth: 240 }}
            placeholder={t('badges.allMilestones')}
            value={params.milestones}
            onChange={(milestones) => set({ milestones: [...milestones].sort((a, b) => a - b) })}
            options={milestonesOn(rules, occasion ?? today).map((years) => ({
              value: years,
              label: t('badges.milestone', { years }),
            }))}
          />
        </Space>
        <Space wrap>
          {canDecide && (
            <Button
              icon={<TrophyOutlined />}
              disabled={selected.size === 0 || !occasion}
              onClick={() => setAwarding(true)}
              data-testid="badge-award"
            >
              {t('badges.award.button', { count: selected.size })}
            </Button>
          )}
          {canExport && params.org && (
            <Button
              icon={<DownloadOutlined />}
              href={badgeCsvHref({ ...params, occasion }, currentLanguage(lang))}
              download={occasion ? `huy-hieu-${occasion}.csv` : 'huy-hieu.csv'}
              disabled={!list.data?.total}
              data-testid="badge-csv"
            >
              {t('badges.export')}
            </Button>
          )}
        </Space>
      </Flex>
      {!params.org ? (
        <EmptyState description={t('badges.chooseOrg')} />
      ) : list.isPending ? (
        <LoadingState rows={8} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Space wrap size={[8, 4]} data-testid="badge-counts">
            <Typography.Text data-testid="badge-total" data-count={list.data.total}>
              {t('badges.total', {
                n: formatNumber(list.data.total, lang),
                date: occasionLabel(list.data.occasion),
              })}
            </Typography.Text>
            {Object.entries(list.data.by_milestone)
              .sort(([a], [b]) => Number(b) - Number(a))
              .map(([years, count]) => (
                <Tag key={years} data-milestone={years} data-count={count}>
                  {t('badges.milestone', { years })}: {formatNumber(count, lang)}
                </Tag>
              ))}
          </Space>
          <Table<BadgeItem>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={list.data.items}
            loading={list.isFetching}
            data-testid="badge-table"
            scroll={{ x: 900 }}
            rowSelection={
              canDecide
                ? {
                    selectedRowKeys: [...selected.keys()],
                    preserveSelectedRowKeys: true,
                    onChange: (_keys, rows) => {
                      const next = new Map(selected);
                      const onPage = new Set(list.data.items.map((item) => item.id));
                      for (const id of onPage) next.delete(id);
                      for (const row of rows) if (row) next.set(row.id, row);
                      setSelected(next);
                    },
                  }
                : undefined
            }
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: list.data.total,
              pageSizeOptions: badgePageSizes,
              showSizeChanger: true,
              hideOnSinglePage: list.data.total <= badgePageSizes[0],
              onChange: (page, pageSize) =>
                onChange({ ...params, page: pageSize === params.pageSize ? page : 1, pageSize }),
            }}
            locale={{ emptyText: t('badges.empty') }}
          />
        </>
      )}
      {awarding && occasion && (
        <AwardModal
          occasion={occasion}
          items={[...selected.values()]}
          onClose={() => setAwarding(false)}
          onDone={() => {
            setAwarding(false);
            setSelected(new Map());
          }}
        />
      )}
    </Space>
  );
}
