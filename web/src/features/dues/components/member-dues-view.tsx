// A member's dues card: the months due and paid (oldest first, as payments are applied), the
// arrears, what was paid in advance, the voluntary extra; the bases, the relief decisions, the
// payments. Those who may write record a payment, a basis or a relief decision from here. The member's own page shows the
// same card without the actions (GET /dues/mine).
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Flex,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import type { DuesMonth, DuesPayment, MemberDues } from '@/types';
import { formatMoney, formatMonth } from '../lib/dues';
import { formatBasisPoints, rateRule } from '../lib/rates';
import { DuesStatusTag } from './dues-status';
import { BasisModal } from './basis-modal';
import { PaymentModal } from './payment-modal';
import { ReliefModal } from './relief-modal';

export function MemberDuesCard({ dues, own }: { dues: MemberDues; own?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (value: number) => formatMoney(value, lang);
  const [paying, setPaying] = useState(false);
  const [recording, setRecording] = useState<'basis' | 'relief' | undefined>();

  const monthColumns: TableColumnsType<DuesMonth> = [
    {
      key: 'month',
      title: t('dues.columns.month'),
      width: 90,
      render: (_, m) => formatMonth(m.month),
    },
    {
      key: 'category',
      title: t('dues.columns.category'),
      render: (_, m) => (m.category ? t(`dues.categories.${m.category}`, m.category) : '—'),
    },
    {
      key: 'base',
      title: t('dues.columns.base'),
      align: 'right',
      render: (_, m) => (m.base ? money(m.base) : '—'),
    },
    {
      key: 'rate',
      title: t('dues.columns.rate'),
      align: 'right',
      render: (_, m) => {
        const rule = rateRule(m);
        return (
          <Tooltip title={m.rules.map((r) => `${r.key}: ${r.source}`).join('\n')}>
            <span>
              {rule ? formatBasisPoints(rule.value, lang) : m.category ? t('dues.fixed') : '—'}
              {m.reduction_percent > 0 && (
                <Tag color="blue" style={{ marginLeft: 4 }}>
                  −{m.reduction_percent} %
                </Tag>
              )}
            </span>
          </Tooltip>
        );
      },
    },
    {
      key: 'amount',
      title: t('dues.columns.due'),
      align: 'right',
      render: (_, m) =>
        m.status === 'due' ? money(m.amount) : <DuesStatusTag status={m.status} />,
    },
    { key: 'paid', title: t('dues.columns.paid'), align: 'right', render: (_, m) => money(m.paid) },
    {
      key: 'outstanding',
      title: t('dues.columns.outstanding'),
      align: 'right',
      render: (_, m) =>
        m.outstanding > 0 ? (
          <Typography.Text type="danger">{money(m.outstanding)}</Typography.Text>
        ) : (
          <Tag color="green">{t('dues.settled')}</Tag>
        ),
    },
  ];

  const paymentColumns: TableColumnsType<DuesPayment> = [
    {
      key: 'paid_on',
      title: t('dues.payment.fields.paid_on'),
      width: 110,
      render: (_, p) => formatDate(p.paid_on),
    },
    {
      key: 'for',
      title: t('dues.columns.forMonths'),
      render: (_, p) =>
        p.months > 1
          ? t('dues.monthsRange', { from: formatMonth(p.first_month), count: p.months })
          : formatMonth(p.first_month),
    },
    {
      key: 'amount',
      title: t('dues.columns.amount'),
      align: 'right',
      render: (_, p) => money(p.amount),
    },
    {
      key: 'extra',
      title: t('dues.payment.fields.extra'),
      align: 'right',
      render: (_, p) => (p.extra ? money(p.extra) : ''),
    },
    {
      key: 'channel',
      title: t('dues.payment.fields.channel'),
      render: (_, p) => (
        <span>
          {t(`dues.channels.${p.channel}`)}
          {p.reference && <Typography.Text type="secondary"> · {p.reference}</Typography.Text>}
        </span>
      ),
    },
    { key: 'note', title: t('dues.payment.fields.note'), render: (_, p) => p.note ?? '' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="member-dues">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {own ? t('dues.card.mine') : t('dues.card.title', { name: dues.member.full_name })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {own ? (
              dues.org.name
            ) : (
              <>
                <Link to={paths.member(dues.member.id)}>{dues.member.full_name}</Link> ·{' '}
                <Link to={paths.dues({ org: dues.org.id })}>{dues.org.name}</Link>
              </>
            )}{' '}
            · {formatMonth(dues.from_month)} – {formatMonth(dues.to_month)}
          </Typography.Text>
        </div>
        {!own && dues.may_write && (
          <Space wrap>
            <Button onClick={() => setRecording('basis')} data-testid="member-dues-basis">
              {t('dues.basis.open')}
            </Button>
            <Button onClick={() => setRecording('relief')} data-testid="member-dues-relief">
              {t('dues.relief.open')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setPaying(true)}
              data-testid="member-dues-pay"
            >
              {t('dues.book.pay')}
            </Button>
          </Space>
        )}
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('dues.card.arrears')}
              value={money(dues.arrears)}
              valueStyle={dues.arrears > 0 ? { color: '#cf1322' } : undefined}
              data-testid="member-dues-arrears"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dues.card.credit')} value={money(dues.credit)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('dues.card.extra')} value={money(dues.extra)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('dues.card.lastDue')}
              value={dues.months.length ? money(dues.months[dues.months.length - 1].amount) : '—'}
            />
          </Card>
        </Col>
      </Row>
      <Table<DuesMonth>
        size="small"
        rowKey="month"
        columns={monthColumns}
        dataSource={dues.months}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="member-dues-months"
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('dues.card.payments')}
      </Typography.Title>
      <Table<DuesPayment>
        size="small"
        rowKey="id"
        columns={paymentColumns}
        dataSource={[...dues.payments].reverse()}
        pagination={dues.payments.length > 12 ? { pageSize: 12 } : false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('dues.card.noPayments') }}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('dues.card.bases')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={dues.bases}
            locale={{ emptyText: t('dues.card.noBases') }}
            columns={[
              {
                key: 'from',
                title: t('dues.columns.from'),
                width: 90,
                render: (_, b) => formatMonth(b.valid_from),
              },
              {
                key: 'category',
                title: t('dues.columns.category'),
                render: (_, b) => t(`dues.categories.${b.category}`, b.category),
              },
              {
                key: 'amount',
                title: t('dues.columns.base'),
                align: 'right',
                render: (_, b) => money(b.fixed_amount || b.income),
              },
            ]}
          />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('dues.card.reliefs')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={dues.reliefs}
            locale={{ emptyText: t('dues.card.noReliefs') }}
            columns={[
              {
                key: 'relief',
                title: t('dues.columns.relief'),
                render: (_, r) =>
                  r.relief === 'exemption'
                    ? t('dues.reliefs.exemption')
                    : t('dues.reliefs.reduction', { percent: r.percent }),
              },
              {
                key: 'period',
                title: t('dues.columns.period'),
                render: (_, r) =>
                  r.months
                    ? t('dues.monthsRange', { from: formatMonth(r.from_month), count: r.months })
                    : t('dues.fromMonth', { from: formatMonth(r.from_month) }),
              },
              {
                key: 'decision',
                title: t('dues.columns.decision'),
                render: (_, r) => r.decision?.number ?? r.reason ?? '',
              },
            ]}
          />
        </Col>
      </Row>
      {paying && (
        <PaymentModal
          member={dues.member.id}
          name={dues.member.full_name}
          onClose={() => setPaying(false)}
        />
      )}
      {recording === 'basis' && (
        <BasisModal
          member={dues.member.id}
          name={dues.member.full_name}
          onClose={() => setRecording(undefined)}
        />
      )}
      {recording === 'relief' && (
        <ReliefModal
          member={dues.member.id}
          name={dues.member.full_name}
          onClose={() => setRecording(undefined)}
        />
      )}
    </Space>
  );
}
