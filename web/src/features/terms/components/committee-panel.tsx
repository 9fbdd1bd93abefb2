// The organization's "Cấp ủy / Nhiệm kỳ" tab: the running term and its congress, whether the
// next congress is due, the committee holding seats today with their decisions, the warnings
// on its composition, and the past terms with every seat they had. Users with terms.manage
// record congresses and appoint or end seats here.
import {
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatDate, formatNumber } from '@/lib/format';
import type { Committee, CommitteeSeat, CompositionWarning, Term } from '@/types';
import { useCommittee, useTerm, useTermList } from '../api/terms';

const CongressModal = lazy(() =>
  import('./term-modals').then((module) => ({ default: module.CongressModal })),
);
const SeatModal = lazy(() =>
  import('./term-modals').then((module) => ({ default: module.SeatModal })),
);
const EndSeatModal = lazy(() =>
  import('./term-modals').then((module) => ({ default: module.EndSeatModal })),
);

type Dialog =
  { kind: 'congress' } | { kind: 'seat'; term: Term } | { kind: 'end'; seat: CommitteeSeat };

function termDates(term: Term): string {
  return `${formatDate(term.starts_on)} – ${term.ends_on ? formatDate(term.ends_on) : '…'}`;
}

function SeatTable({
  seats,
  history,
  onEnd,
}: {
  seats: CommitteeSeat[];
  history?: boolean;
  onEnd?: (seat: CommitteeSeat) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<CommitteeSeat>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={seats}
      data-testid={history ? 'term-seats' : 'committee-seats'}
      locale={{ emptyText: t('terms.noSeats') }}
      columns={[
        {
          key: 'position',
          title: t('terms.fields.position'),
          render: (_, seat) =>
            t(`terms.positions.${seat.position}`, { defaultValue: seat.position }),
        },
        {
          key: 'member',
          title: t('terms.fields.member'),
          render: (_, seat) => (
            <Space orientation="vertical" size={0}>
              <Link to={paths.member(seat.member_id)}>{seat.member_name}</Link>
              {seat.member_org_name ? (
                <Typography.Text type="secondary">{seat.member_org_name}</Typography.Text>
              ) : null}
            </Space>
          ),
        },
        {
          key: 'dates',
          title: t('terms.fields.period'),
          render: (_, seat) =>
            `${formatDate(seat.started_on)} – ${seat.ended_on ? formatDate(seat.ended_on) : '…'}`,
        },
        {
          key: 'decision',
          title: t('terms.fields.decision'),
          render: (_, seat) =>
            [seat.decision?.number, seat.decision?.authority, formatDate(seat.decision_date)]
              .filter(Boolean)
              .join(' · ') || '—',
        },
        ...(history
          ? [
              {
                key: 'end_reason',
                title: t('terms.fields.endReason'),
                render: (_: unknown, seat: CommitteeSeat) =>
                  seat.end_reason === 'term_ended' ? t('terms.termEnded') : (seat.end_reason ?? ''),
              },
            ]
          : []),
        ...(onEnd
          ? [
              {
                key: 'actions',
                title: '',
                render: (_: unknown, seat: CommitteeSeat) => (
                  <Button size="small" onClick={() => onEnd(seat)}>
                    {t('terms.end.button')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function Warnings({ committee }: { committee: Committee }) {
  const { t, i18n } = useTranslation();
  const standing = committee.standing_code;
  const term = committee.term;
  const count = (value: number) => formatNumber(value, i18n.language);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="committee-warnings">
      {standing ? (
        <Alert
          type={standing === 'no_term' ? 'info' : 'warning'}
          showIcon
          data-testid="term-standing"
          title={t(`terms.standing.${standing}`, {
            due: formatDate(term?.standing?.due_on),
            latest: formatDate(term?.standing?.latest_on),
          })}
          description={
            term?.standing?.length
              ? t('org.warnings.source', { source: term.standing.length.source })
              : undefined
          }
        />
      ) : null}
      {committee.warnings.map((warning: CompositionWarning) => (
        <Alert
          key={warning.code}
          type="warning"
          showIcon
          title={t(`terms.warnings.${warning.code}`, {
            actual: count(warning.actual),
            threshold: count(warning.threshold),
            defaultValue: warning.code,
          })}
          description={t('org.warnings.source', { source: warning.source })}
        />
      ))}
    </Space>
  );
}

function PastTerm({ term }: { term: Term }) {
  const detail = useTerm(term.id);
  if (detail.isPending) return <LoadingState rows={2} />;
  if (detail.isError) return <ErrorState error={detail.error} compact />;
  return <SeatTable seats={detail.data.seats} history />;
}

export function CommitteePanel({ orgId, orgKind }: { orgId: number; orgKind: string }) {
  const { t, i18n } = useTranslation();
  const committee = useCommittee(orgId);
  const list = useTermList(orgId);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  if (committee.isPending || list.isPending) return <LoadingState rows={6} />;
  if (committee.isError)
    return <ErrorState error={committee.error} onRetry={() => void committee.refetch()} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const current = committee.data.term;
  const manage = committee.data.may_manage;
  const past = list.data.items.filter((term) => term.id !== current?.id);
  const close = () => setDialog(null);

  if (!list.data.has_congress) {
    return <Empty description={t('terms.noCongress')} data-testid="committee-panel" />;
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="committee-panel">
      <Card
        size="small"
        title={current ? current.name : t('terms.noTerm')}
        extra={
          manage ? (
            <Space>
              <Button onClick={() => setDialog({ kind: 'congress' })} data-testid="record-congress">
                {t('terms.congress.button')}
              </Button>
              {current ? (
                <Button
                  type="primary"
                  onClick={() => setDialog({ kind: 'seat', term: current })}
                  data-testid="appoint-seat"
                >
                  {t('terms.seat.button')}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
        data-testid="current-term"
      >
        {current ? (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'period', label: t('terms.fields.period'), children: termDates(current) },
              {
                key: 'congress',
                label: t('terms.fields.congress'),
                children: [
                  formatDate(current.congress_opened_on),
                  formatDate(current.congress_closed_on),
                ]
                  .filter(Boolean)
                  .join(' – '),
              },
              {
                key: 'delegates',
                label: t('terms.fields.delegates'),
                children:
                  current.congress_delegates == null
                    ? '—'
                    : formatNumber(current.congress_delegates, i18n.language),
              },
              {
                key: 'approved',
                label: t('terms.fields.approved'),
                children: t('terms.approvedSizes', {
                  committee: current.approved_committee_size ?? '—',
                  standing: current.approved_standing_size ?? '—',
                }),
              },
              {
                key: 'due',
                label: t('terms.fields.due'),
                children: current.standing ? formatDate(current.standing.due_on) : '—',
              },
            ]}
          />
        ) : (
          <Typography.Paragraph type="secondary">{t('terms.noTermHint')}</Typography.Paragraph>
        )}
      </Card>
      <Warnings committee={committee.data} />
      {current ? (
        <Card size="small" title={t('terms.currentCommittee')}>
          <SeatTable
            seats={committee.data.seats}
            onEnd={manage ? (seat) => setDialog({ kind: 'end', seat }) : undefined}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('terms.pastTerms')} data-testid="past-terms">
        {past.length === 0 ? (
          <Typography.Text type="secondary">{t('terms.noPastTerms')}</Typography.Text>
        ) : (
          <Collapse
            items={past.map((term) => ({
              key: term.id,
              label: (
                <Space wrap>
                  <span>{term.name}</span>
                  <Tag>{termDates(term)}</Tag>
                </Space>
              ),
              children: <PastTerm term={term} />,
            }))}
          />
        )}
      </Card>
      <Suspense fallback={null}>
        {dialog?.kind === 'congress' ? <CongressModal orgId={orgId} onClose={close} /> : null}
        {dialog?.kind === 'seat' ? (
          <SeatModal orgId={orgId} orgKind={orgKind} term={dialog.term} onClose={close} />
        ) : null}
        {dialog?.kind === 'end' ? <EndSeatModal seat={dialog.seat} onClose={close} /> : null}
      </Suspense>
    </Space>
  );
}
