// A document of the register: its number and symbol, marks and state; all its fields; the
// recipients (outgoing) or the organizations it was passed down to (incoming); its attachments;
// the official DOCX and the print view (outgoing); and, while it is active and the user may
// write, editing, attaching, passing down and withdrawing.
import {
  ArrowLeftOutlined,
  EditOutlined,
  FileWordOutlined,
  PrinterOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { formatDate, formatDateTime } from '@/lib/format';
import { orgQuery } from '@/lib/org-queries';
import { useMe } from '@/lib/session';
import type { PartyDocument } from '@/types';
import { documentLinks, useDocument } from '../api/documents';
import { documentActions } from '../lib/documents';
import { ForwardModal, WithdrawModal } from './document-action-modals';
import { DocumentAttachments } from './document-attachments';
import { DocumentMarks, useMarkName, useTypeName } from './document-marks';

export function DocumentView({ id }: { id: number }) {
  const doc = useDocument(id);
  if (doc.isPending) return <LoadingState rows={12} />;
  if (doc.isError) return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />;
  return <DocumentPage doc={doc.data} />;
}

function DocumentPage({ doc }: { doc: PartyDocument }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const markName = useMarkName();
  const typeName = useTypeName();
  const [dialog, setDialog] = useState<'withdraw' | 'forward' | null>(null);
  const actions = documentActions(doc, me?.permissions ?? []);
  const outgoing = doc.direction === 'outgoing';
  const org = useQuery({ ...orgQuery(doc.org_id), enabled: !outgoing });
  const listPath = outgoing
    ? paths.documentsOf(doc.org_id)
    : paths.incomingDocuments(`org=${doc.org_id}`);

  const signature = [
    doc.authority ? markName('authority', doc.authority).split(' ')[0] : '',
    doc.signing_for ?? '',
  ]
    .filter(Boolean)
    .join(' ');

  const fields = outgoing
    ? [
        { key: 'symbol', children: doc.symbol || t('document.unnumbered') },
        { key: 'type', children: typeName(doc) },
        { key: 'issued_on', children: formatDate(doc.issued_on) },
        { key: 'place', children: doc.place },
        { key: 'issuer_org', children: <Link to={paths.org(doc.org_id)}>{doc.org_name}</Link> },
        { key: 'issuer_name', children: doc.issuer_name },
        { key: 'superior_issuer', children: doc.superior_issuer },
        { key: 'term', children: doc.term_name },
        { key: 'authority', children: signature || t('document.noAuthority') },
        {
          key: 'signer_name',
          children: [doc.signer_position, doc.signer_name].filter(Boolean).join(' '),
        },
        { key: 'secrecy', children: markName('secrecy', doc.secrecy) || t('document.noMark') },
        { key: 'urgency', children: markName('urgency', doc.urgency) || t('document.noMark') },
        { key: 'circulation', children: doc.circulation },
        { key: 'created_at', children: formatDateTime(doc.created_at) },
      ]
    : [
        { key: 'their_number', children: doc.symbol || t('document.unnumbered') },
        { key: 'type', children: typeName(doc) },
        { key: 'sender', children: doc.from_issuer },
        { key: 'issued_on', children: formatDate(doc.issued_on) },
        { key: 'received_on', children: formatDate(doc.received_on) },
        {
          key: 'receiving_org',
          children: <Link to={paths.org(doc.org_id)}>{doc.org_name}</Link>,
        },
        { key: 'secrecy', children: markName('secrecy', doc.secrecy) || t('document.noMark') },
        { key: 'urgency', children: markName('urgency', doc.urgency) || t('document.noMark') },
        { key: 'created_at', children: formatDateTime(doc.created_at) },
      ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="document-page">
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() => navigate(listPath)}
          >
            {t('document.backToList')}
          </Button>
          <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="document-title">
            {doc.symbol || t('document.unnumbered')}
          </Typography.Title>
          <Space wrap>
            <Typography.Text strong>{typeName(doc)}</Typography.Text>
            <Typography.Text data-testid="document-page-summary">{doc.summary}</Typography.Text>
            <DocumentMarks doc={doc} />
          </Space>
        </div>
        <Space wrap>
          {actions.includes('docx') && (
            <Button
              icon={<FileWordOutlined />}
              href={documentLinks.docx(doc.id)}
              download
              data-testid="document-docx"
            >
              {t('document.actions.docx')}
            </Button>
          )}
          {actions.includes('print') && (
            <Button
              icon={<PrinterOutlined />}
              href={documentLinks.print(doc.id)}
              target="_blank"
              rel="noopener"
              data-testid="document-print"
            >
              {t('document.actions.print')}
            </Button>
          )}
          {actions.includes('edit') && (
            <Button icon={<EditOutlined />} onClick={() => navigate(paths.documentEdit(doc.id))}>
              {t('document.actions.edit')}
            </Button>
          )}
          {actions.includes('withdraw') && (
            <Button danger icon={<StopOutlined />} onClick={() => setDialog('withdraw')}>
              {t('document.actions.withdraw')}
            </Button>
          )}
        </Space>
      </Flex>
      {doc.status === 'withdrawn' && (
        <Alert
          type="warning"
          showIcon
          data-testid="document-withdrawn-banner"
          title={t('document.withdrawnBanner', {
            date: formatDate(doc.withdrawn_on),
            reason: doc.withdrawn_reason ?? '',
          })}
        />
      )}
      {doc.secrecy && <Alert type="info" showIcon title={t('document.secretBanner')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('document.details')}>
              <Descriptions
                size="small"
                styles={{ label: { width: 150 } }}
                column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
                items={fields
                  .filter((field) => field.children)
                  .map((field) => ({
                    key: field.key,
                    label: t(`document.fields.${field.key}`),
                    children: <span data-field={field.key}>{field.children}</span>,
                  }))}
              />
            </Card>
            {outgoing && doc.body.length > 0 && (
              <Card size="small" title={t('document.fields.body')}>
                {doc.body.map((paragraph, index) => (
                  <Typography.Paragraph key={index}>{paragraph}</Typography.Paragraph>
                ))}
              </Card>
            )}
            <DocumentAttachments doc={doc} canAttach={actions.includes('attach')} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          {outgoing ? (
            <Card size="small" title={t('document.fields.recipients')}>
              {doc.recipients.length === 0 ? (
                <Typography.Text type="secondary">{t('document.noRecipients')}</Typography.Text>
              ) : (
                <ul className="plain-list" data-testid="document-recipients">
                  {doc.recipients.map((item, index) => (
                    <li key={index}>
                      {item.org_id ? (
                        <Link to={paths.org(item.org_id)}>{item.line}</Link>
                      ) : (
                        item.line
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          ) : (
            <Card
              size="small"
              title={t('document.forwards.title')}
              extra={
                actions.includes('forward') && (
                  <Button size="small" icon={<SendOutlined />} onClick={() => setDialog('forward')}>
                    {t('document.forwards.action')}
                  </Button>
                )
              }
            >
              {doc.forwards.length === 0 ? (
                <Typography.Text type="secondary">{t('document.forwards.empty')}</Typography.Text>
              ) : (
                <ul className="plain-list" data-testid="document-forwards">
                  {doc.forwards.map((item) => (
                    <li key={item.org_id}>
                      <Link to={paths.org(item.org_id)}>{item.org_name}</Link>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[formatDate(item.forwarded_on), item.note, item.by]
                          .filter(Boolean)
                          .join(' · ')}
                      </Typography.Text>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          )}
        </Col>
      </Row>
      {dialog === 'withdraw' && <WithdrawModal doc={doc} onClose={() => setDialog(null)} />}
      {dialog === 'forward' && (
        <ForwardModal doc={doc} within={org.data?.path} onClose={() => setDialog(null)} />
      )}
    </Space>
  );
}
