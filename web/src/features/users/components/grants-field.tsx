// A user's grants in the user form: each a role and the organization whose subtree it covers
// (no organization: everywhere, which only an administrator of everything may grant). Roles
// limited to the user's own member record take no organization.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgPicker } from '@/components/org-picker';
import { entryLabel, useCatalogs } from '@/lib/catalogs';
import { isOwnRecordRole } from '../lib/user-params';

export function GrantsField() {
  const { t, i18n } = useTranslation();
  const roles = useCatalogs().data?.roles;
  const roleLabel = t('users.fields.role');
  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: async (_rule, rows: unknown[] | undefined) => {
            if (!rows || rows.length === 0) throw new Error(t('users.form.noGrants'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap className="grant-row">
              <Form.Item
                name={[field.name, 'role']}
                rules={[
                  { required: true, message: t('validation.required', { label: roleLabel }) },
                ]}
                style={{ flex: '0 1 220px', minWidth: 180, marginBottom: 8 }}
              >
                <Select
                  aria-label={roleLabel}
                  placeholder={roleLabel}
                  options={(roles ?? []).map((role) => ({
                    value: role.code,
                    label: entryLabel(role, i18n.language),
                  }))}
                  data-testid="grant-role"
                />
              </Form.Item>
              <Form.Item
                noStyle
                shouldUpdate={(before, after) =>
                  before.grants?.[field.name]?.role !== after.grants?.[field.name]?.role
                }
              >
                {({ getFieldValue }) =>
                  isOwnRecordRole(roles, getFieldValue(['grants', field.name, 'role'])) ? (
                    <div className="grant-own" style={{ flex: '1 1 260px', paddingTop: 5 }}>
                      {t('users.form.ownRecord')}
                    </div>
                  ) : (
                    <Form.Item
                      name={[field.name, 'scope_org_id']}
                      style={{ flex: '1 1 260px', minWidth: 0, marginBottom: 8 }}
                    >
                      <OrgPicker
                        aria-label={t('users.fields.scope')}
                        allowClear
                        placeholder={t('users.form.scopePlaceholder')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('users.form.removeGrant')}
                onClick={() => remove(field.name)}
                disabled={fields.length === 1}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ role: undefined, scope_org_id: null })}
          >
            {t('users.form.addGrant')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
