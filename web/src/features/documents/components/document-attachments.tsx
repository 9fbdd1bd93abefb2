// A document's attachments: each with its size, type and SHA-256, downloaded through the
// server (which records the reading of a secret document); uploading a file (PDF, DOCX, PNG,
// JPEG) whose type the server checks by its content and whose size against its limit, the
// refusal shown here as the server words it.
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useProblemText } from '@/lib/problem-text';
import { isApiError } from '@/lib/api-client';
import type { DocumentAttachment, PartyDocument } from '@/types';
import { documentLinks, useAttach, useRemoveAttachment } from '../api/documents';
import { formatBytes } from '../lib/documents';

const accept = '.pdf,.docx,.png,.jpg,.jpeg';

const typeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

export function DocumentAttachments({
  doc,
  canAttach,
}: {
  doc: PartyDocument;
  canAttach: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const text = useProblemText();
  const attach = useAttach(doc.id);
  const remove = useRemoveAttachment(doc.id);
  const problem = isApiError(attach.error) ? attach.error.problem : undefined;

  async function upload(file: File) {
    try {
      const added = await attach.mutateAsync(file);
      message.success(t('document.attachments.uploaded', { name: added.file_name }));
    } catch (error) {
      if (!isApiError(error)) throw error;
    }
  }

  const columns: TableColumnsType<DocumentAttachment> = [
    {
      key: 'name',
      title: t('document.attachments.name'),
      render: (_, item) => (
        <a
          href={documentLinks.attachment(doc.id, item.id)}
          download={item.file_name}
          data-testid="attachment-link"
        >
          <DownloadOutlined aria-hidden /> {item.file_name}
        </a>
      ),
    },
    {
      key: 'type',
      title: t('document.attachments.type'),
      width: 80,
      render: (_, item) => typeNames[item.content_type] ?? item.content_type,
    },
    {
      key: 'size',
      title: t('document.attachments.size'),
      width: 100,
      render: (_, item) => formatBytes(item.size, lang),
    },
    {
      key: 'sha256',
      title: t('document.attachments.sha256'),
      width: 140,
      render: (_, item) => (
        <Typography.Text code copyable={{ text: item.sha256 }} title={item.sha256}>
          {item.sha256.slice(0, 12)}…
        </Typography.Text>
      ),
    },
    {
      key: 'uploaded',
      title: t('document.attachments.uploadedAt'),
      width: 170,
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDateTime(item.uploaded_at)}</span>
          {item.uploaded_by && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.uploaded_by}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(canAttach
      ? [
          {
            key: 'remove',
            width: 56,
            render: (_: unknown, item: DocumentAttachment) => (
              <Popconfirm
                title={t('document.attachments.removeConfirm', { name: item.file_name })}
                okText={t('document.attachments.remove')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutateAsync(item.id)}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('document.attachments.remove')}
                />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('document.attachments.title')}
      data-testid="document-attachments"
      extra={
        canAttach && (
          <Upload
            accept={accept}
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
            data-testid="attachment-upload"
          >
            <Button icon={<UploadOutlined />} loading={attach.isPending} size="small">
              {t('document.attachments.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {canAttach && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('document.attachments.hint')}
        </Typography.Paragraph>
      )}
      {attach.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          closable={{ onClose: () => attach.reset() }}
          style={{ marginBottom: 12 }}
          data-testid="attachment-problem"
          title={problem?.title ?? String(attach.error)}
          description={
            problem?.errors?.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problem.errors.map((error, index) => (
                  <li key={index}>{text(error)}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Table<DocumentAttachment>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={doc.attachments}
        pagination={false}
        data-testid="attachment-table"
        locale={{ emptyText: t('document.attachments.empty') }}
      />
    </Card>
  );
}
