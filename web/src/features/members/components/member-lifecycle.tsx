// A member's lifecycle beside the record: party age today (without the gaps), probation and
// recognition, transfers, badges awarded and the next one, each with its deciding document;
// and the procedures the user may start (recognition, exemption, transfer, leaving the roll).
import { Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/page-state';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/session';
import type { DocumentRef, MemberLifecycle } from '@/types';
import { useLifecycle } from '../api/lifecycle';
import { availableProcedures, type Procedure } from '../lib/procedures';
import { useExitGroundLabel } from './field-value';
import { ProcedureModal } from './procedure-modal';

const documentText = (document: DocumentRef | null | undefined) =>
  [document?.number, document?.authority].filter(Boolean).join(', ');

export function MemberLifecycle({ id, name }: { id: number; name: string }) {
  const lifecycle = useLifecycle(id);
  if (lifecycle.isPending) return <LoadingState rows={4} />;
  if (lifecycle.isError)
    return <ErrorState compact error={lifecycle.error} onRetry={() => void lifecycle.refetch()} />;
  return <LifecycleView data={lifecycle.data} name={name} />;
}

function LifecycleView({ data, name }: { data: MemberLifecycle; name: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const groundLabel = useExitGroundLabel();
  const [open, setOpen] = useState<Procedure | null>(null);
  const procedures = availableProcedures(data, me?.permissions ?? []);
  const age = data.party_age;
  const items = [
    {
      key: 'party_age',
      label: t('lifecycle.partyAge'),
      children: (
        <span data-testid="party-age">
          {data.admission_date
            ? t('lifecycle.age', { years: age.years, months: age.months, days: age.days })
            : '—'}
          {age.gap_days > 0 && (
            <Typography.Text type="secondary">
              {' '}
              {t('lifecycle.gapDays', { days: age.gap_days })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    data.ceremony_date && {
      key: 'ceremony',
      label: t('lifecycle.ceremony'),
      children: formatDate(data.ceremony_date),
    },
    data.official_date && {
      key: 'official',
      label: t('lifecycle.official'),
      children: formatDate(data.official_date),
    },
    data.probation && {
      key: 'probation',
      label: t('lifecycle.probationEnds'),
      children: (
        <Space wrap size={4}>
          {formatDate(data.probation.ends_on)}
          <Typography.Text type="secondary">
            {t('lifecycle.considerBy', { date: formatDate(data.probation.consider_by) })}
          </Typography.Text>
          {data.probation.overdue && <Tag color="red">{t('lifecycle.overdue')}</Tag>}
          {!data.probation.ceremony_known && (
            <Typography.Text type="warning">{t('lifecycle.noCeremony')}</Typography.Text>
          )}
        </Space>
      ),
    },
    data.exit_date && {
      key: 'exit',
      label: t('lifecycle.exitDate'),
      children: `${formatDate(data.exit_date)}${data.exit_ground ? ` · ${groundLabel(data.exit_ground)}` : ''}`,
    },
    data.next_badge && {
      key: 'badge',
      label: t('lifecycle.nextBadge'),
      children: t('lifecycle.badgeOn', {
        years: data.next_badge.milestone,
        date: formatDate(data.next_badge.on),
      }),
    },
  ].filter((item) => !!item);

  const events = [
    ...data.recognition.map((step) => ({
      key: `r-${step.step}`,
      on: step.on,
      title: t(`lifecycle.recognition.${step.step}`),
      detail: [
        step.recognized ? t('lifecycle.recognition.yes') : t('lifecycle.recognition.no'),
        documentText(step.document),
        step.note ?? '',
      ],
    })),
    ...data.gaps.map((gap) => ({
      key: `g-${gap.from}`,
      on: gap.from,
      title: t(`lifecycle.gaps.${gap.reason}`),
      detail: [
        t('lifecycle.gapRange', {
          from: formatDate(gap.from),
          to: formatDate(gap.to),
          days: gap.days,
        }),
      ],
    })),
    ...data.transfers.map((transfer) => ({
      key: `t-${transfer.id}`,
      on: transfer.started_on,
      title: `${t(`lifecycle.transfer.kinds.${transfer.kind}`)} · ${t(`lifecycle.transfer.states.${transfer.state}`)}`,
      detail: [
        `${transfer.from_name ?? transfer.external_org ?? ''} → ${transfer.to_name ?? transfer.external_org ?? ''}`,
        documentText(transfer.letter),
        transfer.overdue ? t('lifecycle.overdue') : '',
      ],
    })),
    ...data.badges.map((badge) => ({
      key: `b-${badge.milestone}`,
      on: badge.decided_on,
      title: t('lifecycle.badgeAwarded', { years: badge.milestone }),
      detail: [
        t('lifecycle.occasion', { date: formatDate(badge.occasion) }),
        documentText(badge.document),
      ],
    })),
  ].sort((a, b) => b.on.localeCompare(a.on));

  return (
    <Card
      size="small"
      title={t('lifecycle.title')}
      data-testid="member-lifecycle"
      extra={
        procedures.length > 0 && (
          <Space size={4} wrap>
            {procedures.map((procedure) => (
              <Button
                key={procedure}
                size="small"
                danger={procedure === 'exit'}
                onClick={() => setOpen(procedure)}
              >
                {t(`lifecycle.${procedure}.button`)}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <Descriptions size="small" column={1} items={items} />
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lifecycle.noEvents')} />
      ) : (
        <List
          size="small"
          dataSource={events}
          renderItem={(event) => (
            <List.Item key={event.key}>
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>
                  {formatDate(event.on)} · {event.title}
                </Typography.Text>
                {event.detail.filter(Boolean).map((line, index) => (
                  <Typography.Text key={index} type="secondary">
                    {line}
                  </Typography.Text>
                ))}
              </Space>
            </List.Item>
          )}
        />
      )}
      {open && (
        <ProcedureModal
          procedure={open}
          lifecycle={data}
          name={name}
          onClose={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
