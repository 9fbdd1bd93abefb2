// The member page: the record grouped as the personal history groups it, and its history.
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Row, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ErrorState, LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { useFieldLabel } from '@/lib/catalogs';
import { useCan } from '@/lib/session';
import { formatDateTime } from '@/lib/format';
import { useMember } from '../api/get-member';
import { exitFieldNames, fieldGroups } from '../lib/fields';
import { FieldValue, StatusTag } from './field-value';
import { MemberDiscipline } from './member-discipline';
import { MemberHistory } from './member-history';
import { MemberLifecycle } from './member-lifecycle';

/**
 * `aside`: panels other areas add under the history (the app layer mounts them, so that
 * features do not import one another), e.g. the member's annual reviews.
 */
export function MemberView({ id, aside }: { id: number; aside?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const fieldLabel = useFieldLabel();
  const member = useMember(id);
  const canWrite = useCan('member.write');
  const back = (location.state as { from?: string } | null)?.from;

  if (member.isPending) return <LoadingState rows={12} />;
  if (member.isError)
    return <ErrorState error={member.error} onRetry={() => void member.refetch()} />;
  const data = member.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="member-page">
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() => navigate(back ?? paths.membersOf(data.org.id))}
          >
            {t('member.backToList')}
          </Button>
          <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="member-name">
            {data.full_name}
          </Typography.Title>
          <Space wrap>
            <span data-testid="member-status">
              <StatusTag status={data.status} />
            </span>
            <Typography.Text type="secondary">
              {t('member.updatedAt', {
                at: formatDateTime(data.updated_at),
                version: data.version,
              })}
            </Typography.Text>
          </Space>
        </div>
        {canWrite && (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => navigate(paths.memberEdit(data.id), { state: location.state })}
          >
            {t('common.edit')}
          </Button>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {fieldGroups
              // The restricted fields only when the server showed them.
              .filter((group) => !group.restricted || group.fields.some((name) => name in data))
              .map((group) => (
                <Card key={group.key} size="small" title={t(`member.groups.${group.key}`)}>
                  <Descriptions
                    size="small"
                    column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
                    items={group.fields
                      // The exit fields only for a member off the roll.
                      .filter(
                        (name) => !exitFieldNames.includes(name) || !!data[name as 'exit_date'],
                      )
                      .map((name) => ({
                        key: name,
                        label: fieldLabel(name),
                        children: (
                          <span data-field={name}>
                            <FieldValue member={data} name={name} />
                          </span>
                        ),
                      }))}
                  />
                </Card>
              ))}
            {/* The discipline only when the server showed it (discipline.read). */}
            {'discipline' in data && <MemberDiscipline member={data} />}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <MemberLifecycle id={data.id} name={data.full_name} />
            <Card size="small" title={t('member.history.title')}>
              <MemberHistory events={data.history} />
            </Card>
            {aside}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
