// /my-cell: "Chi bộ của tôi", the signed-in member's own page: the cell's coming meetings (an
// absence notice to send), their attendance, their dues due and paid. An account with no
// member record is told so (both reads answer 409 account_not_linked_to_member).
import { Alert, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MyDuesPanel } from '@/features/dues/components/my-dues';
import { MyMeetingsPanel } from '@/features/meetings/components/my-meetings';
import { useDocumentTitle } from '@/hooks/use-document-title';

export default function MyCellPage() {
  const { t } = useTranslation();
  const [notLinked, setNotLinked] = useState(false);
  const onNotLinked = useCallback(() => setNotLinked(true), []);
  useDocumentTitle(t('myCell.title'));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-cell">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('myCell.title')}
      </Typography.Title>
      {notLinked && <Alert type="info" showIcon message={t('myCell.notLinked')} />}
      <MyMeetingsPanel onNotLinked={onNotLinked} />
      <MyDuesPanel onNotLinked={onNotLinked} />
    </Space>
  );
}
