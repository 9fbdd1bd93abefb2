// The fields of one planned inspection (kind, subject, content, time window, team), shared by
// issuing a programme and adding an inspection to it.
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { OrgPicker } from '@/components/org-picker';
import { inspectionKinds } from '../lib/inspections';

export function InspectionFields() {
  const { t } = useTranslation();
  const label = (field: string) => t(`inspections.fields.${field}`);
  const required = (field: string) => [
    { required: true, message: t('validation.required', { label: label(field) }) },
  ];
  return (
    <>
      <Form.Item name="kind" label={label('kind')} rules={required('kind')}>
        <Select
          data-testid="inspection-kind"
          options={inspectionKinds.map((value) => ({
            value,
            label: t(`inspections.kinds.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="subject_org_id"
        label={label('subject_org_id')}
        rules={required('subject_org_id')}
      >
        <OrgPicker aria-label={label('subject_org_id')} />
      </Form.Item>
      <Form.Item name="content" label={label('content')} rules={required('content')}>
        <Input.TextArea rows={2} maxLength={4000} data-testid="inspection-content" />
      </Form.Item>
      <Form.Item name="starts_on" label={label('starts_on')} rules={required('starts_on')}>
        <DateInput aria-required />
      </Form.Item>
      <Form.Item name="ends_on" label={label('ends_on')} rules={required('ends_on')}>
        <DateInput aria-required />
      </Form.Item>
      <Form.Item
        name="team"
        label={label('team')}
        extra={t('inspections.fields.teamHint')}
        rules={required('team')}
      >
        <Select
          mode="tags"
          open={false}
          tokenSeparators={[',', ';']}
          data-testid="inspection-team"
        />
      </Form.Item>
    </>
  );
}
