// The audit viewer's filters: who (a user, found by name), what kind of object and which one,
// which action, and a date range (local days, both ends included).
import { AutoComplete, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useCan } from '@/lib/session';
import { useUserOptions } from '../api/audit';
import { knownActions, knownObjectTypes, type AuditParams } from '../lib/audit-params';

export function AuditFilters({
  params,
  onChange,
}: {
  params: AuditParams;
  onChange: (next: AuditParams) => void;
}) {
  const { t } = useTranslation();
  const canListUsers = useCan('user.manage');
  const [userText, setUserText] = useState('');
  const q = useDebouncedValue(userText.trim(), 200);
  const users = useUserOptions(q, canListUsers);
  const [objectId, setObjectId] = useState(params.object_id ?? '');
  const set = (patch: Partial<AuditParams>) => onChange({ ...params, ...patch });

  const userOptions = (users.data ?? []).map((user) => ({
    value: user.id,
    label: `${user.display_name} (${user.username})`,
  }));
  if (params.actor_id && !userOptions.some((option) => option.value === params.actor_id)) {
    userOptions.unshift({ value: params.actor_id, label: `#${params.actor_id}` });
  }

  return (
    <Form layout="vertical" className="audit-filters" data-testid="audit-filters">
      <Flex gap={12} wrap align="flex-end">
        <Form.Item label={t('audit.fields.actor')} style={{ marginBottom: 0, width: 240 }}>
          <Select<number>
            allowClear
            showSearch={{ filterOption: false, onSearch: setUserText, searchValue: userText }}
            disabled={!canListUsers}
            value={params.actor_id}
            placeholder={t('audit.filters.anyone')}
            options={userOptions}
            loading={users.isFetching}
            onChange={(value) => {
              setUserText('');
              set({ actor_id: value ?? undefined });
            }}
            data-testid="audit-actor"
          />
        </Form.Item>
        <Form.Item label={t('audit.fields.action')} style={{ marginBottom: 0, width: 220 }}>
          <AutoComplete
            allowClear
            value={params.action ?? ''}
            options={knownActions.map((action) => ({
              value: action,
              label: `${t(`audit.actions.${action.replace('.', '_')}`)} · ${action}`,
            }))}
            showSearch={{
              filterOption: (input, option) =>
                !!option && String(option.label).toLowerCase().includes(input.toLowerCase()),
            }}
            onChange={(value: string) => {
              if (!value) set({ action: undefined });
            }}
            onSelect={(value: string) => set({ action: value })}
            placeholder={t('audit.filters.anyAction')}
            data-testid="audit-action"
          />
        </Form.Item>
        <Form.Item label={t('audit.fields.object_type')} style={{ marginBottom: 0, width: 180 }}>
          <Select
            allowClear
            value={params.object_type}
            placeholder={t('audit.filters.anyObject')}
            options={knownObjectTypes.map((type) => ({
              value: type,
              label: t(`audit.objects.${type}`),
            }))}
            onChange={(value?: string) => set({ object_type: value ?? undefined })}
          />
        </Form.Item>
        <Form.Item label={t('audit.fields.object_id')} style={{ marginBottom: 0, width: 140 }}>
          <Input
            allowClear
            value={objectId}
            onChange={(event) => {
              setObjectId(event.target.value);
              if (!event.target.value) set({ object_id: undefined });
            }}
            onPressEnter={() => set({ object_id: objectId.trim() || undefined })}
            onBlur={() => {
              if ((params.object_id ?? '') !== objectId.trim())
                set({ object_id: objectId.trim() || undefined });
            }}
          />
        </Form.Item>
        <Form.Item label={t('audit.fields.dates')} style={{ marginBottom: 0 }}>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            format="DD/MM/YYYY"
            value={[params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null]}
            onChange={(range) =>
              set({
                from: range?.[0]?.format('YYYY-MM-DD'),
                to: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
        </Form.Item>
        <Button
          onClick={() => {
            setObjectId('');
            onChange({});
          }}
        >
          {t('members.filters.clear')}
        </Button>
      </Flex>
    </Form>
  );
}
