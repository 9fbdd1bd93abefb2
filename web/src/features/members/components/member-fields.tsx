// The member form's fields, grouped as in the personal history, each with the checks the
// server makes (required, length, format, and the cross-field rules: CCCD's province code and
// its digits against sex and birth date, minimum admission age, official date against status,
// the ceremony and the exit against the admission). The status and the exit fields are entered
// when a file is registered; an edit shows them read-only (only procedures change them).
import { Card, Col, Form, Input, Row, Select } from 'antd';
import type { FormInstance, FormRule } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '@/components/date-input';
import { OrgPicker } from '@/components/org-picker';
import { entryLabel, ruleInForce, useCatalogs, useRules } from '@/lib/catalogs';
import { fold, formatDate } from '@/lib/format';
import { useToday } from '@/lib/today';
import type { CatalogEntry, Catalogs } from '@/types';
import {
  exitFieldNames,
  fieldGroups,
  fieldSpec,
  type FieldSpec,
  type FormMode,
} from '../lib/fields';
import * as check from '@/lib/person-checks';

const dependencies: Record<string, string[]> = {
  citizen_id: ['sex', 'birth_date'],
  party_card_no: ['status'],
  admission_date: ['birth_date'],
  ceremony_date: ['admission_date'],
  official_date: ['status', 'admission_date'],
  exit_date: ['status', 'admission_date'],
  exit_ground: ['status'],
};

/** Whether a status is off the roll (its file then carries the exit date and ground). */
export function isOffRoll(catalogs: Catalogs | undefined, status: unknown): boolean {
  const info = catalogs?.member_statuses.find((item) => item.code === status);
  return !!info && !info.on_roll;
}

const wide = new Set(['permanent_residence', 'current_residence', 'work_unit', 'org_id']);

function useFieldRules(form: FormInstance) {
  const { t, i18n } = useTranslation();
  const catalogs = useCatalogs().data;
  const rules = useRules().data;
  const today = useToday();
  const lang = i18n.language;

  return useMemo(() => {
    const provinces = check.provinceCodes(catalogs?.provinces);
    const info = (name: string) => catalogs?.member_fields.find((field) => field.name === name);
    const labelOf = (name: string) => {
      const field = info(name);
      return field ? (lang === 'en' ? field.label_en : field.label_vi) : name;
    };
    const message = (name: string, problem: check.Problem) => {
      const params = { ...problem.params } as Record<string, string | number>;
      if (problem.code === 'date_too_early' && typeof params.min === 'string')
        params.min = formatDate(params.min);
      return t(`validation.${problem.code}`, { label: labelOf(name), ...params });
    };
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

    return (spec: FieldSpec): FormRule[] => {
      const field = info(spec.name);
      const list: FormRule[] = [];
      if (exitFieldNames.includes(spec.name)) {
        list.push({
          validator: async (_, value) => {
            if (isOffRoll(catalogs, form.getFieldValue('status')) && !text(value))
              throw new Error(message(spec.name, { code: 'required_for_exit' }));
          },
        });
      }
      if (field?.required) {
        list.push({
          required: true,
          whitespace: true,
          type: spec.kind === 'org' ? 'number' : spec.kind === 'aliases' ? 'array' : 'string',
          message: t('validation.required', { label: labelOf(spec.name) }),
        });
      }
      const validate = (problemOf: (value: string) => check.Problem | null): FormRule => ({
        validator: async (_, value) => {
          const current = text(value);
          if (!current) return;
          const problem = problemOf(current);
          if (problem) throw new Error(message(spec.name, problem));
        },
      });
      if (
        field &&
        spec.kind !== 'org' &&
        spec.kind !== 'aliases' &&
        spec.kind !== 'date' &&
        spec.kind !== 'exit_ground'
      ) {
        const max = spec.kind === 'citizen_id' ? field.max_length : field.max_length;
        list.push(validate((value) => check.checkLength(value, max)));
      }
      const get = (name: string) => form.getFieldValue(name) as string | undefined;
      switch (spec.kind) {
        case 'name':
          list.push(validate(check.checkName));
          break;
        case 'citizen_id':
          list.push(
            validate((value) =>
              check.checkCitizenId(value, get('sex'), get('birth_date'), provinces),
            ),
          );
          break;
        case 'card':
          list.push(validate((value) => check.checkCardNo(value, get('status'))));
          break;
        case 'phone':
          list.push(validate(check.checkPhone));
          break;
        case 'email':
          list.push(validate(check.checkEmail));
          break;
        case 'education':
          list.push(validate(check.checkEducation));
          break;
        case 'aliases':
          list.push({
            validator: async (_, value) => {
              for (const alias of (value as string[] | undefined) ?? []) {
                const problem = check.checkName(alias) ?? check.checkLength(alias, 100);
                if (problem) throw new Error(message(spec.name, problem));
              }
            },
          });
          break;
        case 'date':
          if (spec.name === 'birth_date')
            list.push(validate((value) => check.checkBirthDate(value, today)));
          if (spec.name === 'admission_date') {
            list.push(
              validate((value) => {
                const rule = ruleInForce(rules, 'member.min_admission_age_years', value);
                return check.checkAdmissionDate(value, get('birth_date'), today, rule);
              }),
            );
          }
          if (spec.name === 'ceremony_date')
            list.push(
              validate((value) => check.checkCeremonyDate(value, get('admission_date'), today)),
            );
          if (spec.name === 'exit_date')
            list.push(
              validate((value) => check.checkExitDate(value, get('admission_date'), today)),
            );
          if (spec.name === 'official_date') {
            list.push({
              validator: async (_, value) => {
                const problem = check.checkOfficialDate(
                  value,
                  get('admission_date'),
                  get('status'),
                  today,
                );
                if (problem) throw new Error(message(spec.name, problem));
              },
            });
          }
          break;
        default:
          break;
      }
      return list;
    };
  }, [catalogs, rules, today, lang, t, form]);
}

function CodeSelect({
  entries,
  required,
  ...props
}: { entries: CatalogEntry[]; required?: boolean } & InjectedProps) {
  const { t, i18n } = useTranslation();
  const options = useMemo(
    () =>
      entries.map((entry) => ({
        value: entry.code,
        label: entryLabel(entry, i18n.language),
        search: fold(`${entry.name_vi} ${entry.name_en}`),
      })),
    [entries, i18n.language],
  );
  return (
    <Select
      {...props}
      allowClear={!required}
      placeholder={t('common.choose')}
      options={options}
      showSearch={{
        filterOption: (input, option) => !!option && option.search.includes(fold(input)),
      }}
      popupMatchSelectWidth={false}
    />
  );
}

// Form.Item hands its child value, onChange, id and status: every input below receives them.
type InjectedProps = Record<string, unknown>;

function FieldInput({
  spec,
  required,
  status,
  ...injected
}: { spec: FieldSpec; required: boolean; status?: unknown } & InjectedProps) {
  const { t } = useTranslation();
  const catalogs = useCatalogs().data;
  switch (spec.kind) {
    case 'date':
      return <DateInput {...injected} disabledAfterToday />;
    case 'code':
    case 'status':
      return (
        <CodeSelect
          {...injected}
          entries={(catalogs?.[spec.list!] ?? []) as CatalogEntry[]}
          required={required}
        />
      );
    case 'exit_ground':
      return (
        <CodeSelect
          {...injected}
          entries={(catalogs?.exit_grounds ?? []).filter((ground) => ground.status === status)}
        />
      );
    case 'aliases':
      return (
        <Select
          {...injected}
          mode="tags"
          open={false}
          tokenSeparators={[';']}
          suffixIcon={null}
          placeholder={t('member.form.aliasesHint')}
        />
      );
    case 'org':
      return <OrgPicker {...injected} holdsMembers />;
    case 'citizen_id':
      return (
        <Input {...injected} inputMode="numeric" autoComplete="off" placeholder="001074012345" />
      );
    case 'phone':
      return <Input {...injected} inputMode="tel" autoComplete="off" placeholder="09xxxxxxxx" />;
    case 'email':
      return <Input {...injected} inputMode="email" autoComplete="off" />;
    case 'education':
      return <Input {...injected} placeholder="12/12" />;
    default:
      return <Input {...injected} autoComplete="off" />;
  }
}

export function MemberFields({
  form,
  restricted,
  mode = 'create',
}: {
  form: FormInstance;
  /** Show the restricted fields (discipline). */
  restricted?: boolean;
  /** An edit shows the fields only procedures change, read-only. */
  mode?: FormMode;
}) {
  const { t, i18n } = useTranslation();
  const catalogs = useCatalogs().data;
  const rulesFor = useFieldRules(form);
  const status: unknown = Form.useWatch('status', { form, preserve: true });
  const offRoll = isOffRoll(catalogs, status);
  return (
    <>
      {fieldGroups
        .filter((group) => restricted || !group.restricted)
        .map((group) => (
          <Card
            key={group.key}
            size="small"
            title={t(`member.groups.${group.key}`)}
            style={{ marginBottom: 16 }}
          >
            <Row gutter={16}>
              {group.fields.map((name) => {
                const spec = fieldSpec(name)!;
                // The exit fields belong to a file off the roll only.
                if (exitFieldNames.includes(name) && !offRoll) return null;
                const readOnly = mode === 'edit' && !!spec.procedure;
                const info = catalogs?.member_fields.find((field) => field.name === name);
                const label = info
                  ? i18n.language === 'en'
                    ? info.label_en
                    : info.label_vi
                  : name;
                return (
                  <Col
                    key={name}
                    xs={24}
                    md={wide.has(name) ? 24 : 12}
                    xl={wide.has(name) ? 12 : 8}
                  >
                    <Form.Item
                      name={name}
                      label={label}
                      rules={readOnly ? [] : rulesFor(spec)}
                      dependencies={readOnly ? undefined : dependencies[name]}
                      validateDebounce={
                        spec.kind === 'date' || spec.kind === 'code' ? undefined : 250
                      }
                      extra={readOnly ? t('member.form.byProcedure') : undefined}
                      preserve={!exitFieldNames.includes(name)}
                      data-field={name}
                    >
                      <FieldInput
                        spec={spec}
                        required={!!info?.required}
                        status={status}
                        disabled={readOnly}
                      />
                    </Form.Item>
                  </Col>
                );
              })}
            </Row>
          </Card>
        ))}
    </>
  );
}
