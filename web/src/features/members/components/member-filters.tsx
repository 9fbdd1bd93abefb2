// Filters on the member list: status, sex, ethnicity, age and admission year ranges.
import { Button, Col, Form, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { entryLabel, useCatalogs } from '@/lib/catalogs';
import { fold } from '@/lib/format';
import type { MemberListParams } from '../lib/list-params';

type Patch = Partial<MemberListParams>;

export function MemberFilters({
  params,
  onChange,
}: {
  params: MemberListParams;
  onChange: (patch: Patch) => void;
}) {
  const { t, i18n } = useTranslation();
  const catalogs = useCatalogs().data;
  const lang = i18n.language;
  const options = (entries: { code: string; name_vi: string; name_en: string }[] = []) =>
    entries.map((entry) => ({
      value: entry.code,
      label: entryLabel(entry, lang),
      search: fold(`${entry.name_vi} ${entry.name_en}`),
    }));
  const filterOption = (input: string, option?: { search: string }) =>
    !!option && option.search.includes(fold(input));
  const range = (
    from: keyof MemberListParams,
    to: keyof MemberListParams,
    min: number,
    max: number,
    label: string,
  ) => (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber
        aria-label={`${label} ${t('members.filters.from')}`}
        placeholder={t('members.filters.from')}
        min={min}
        max={max}
        value={params[from] as number | undefined}
        onChange={(value) => onChange({ [from]: value ?? undefined })}
        style={{ width: '50%' }}
      />
      <InputNumber
        aria-label={`${label} ${t('members.filters.to')}`}
        placeholder={t('members.filters.to')}
        min={min}
        max={max}
        value={params[to] as number | undefined}
        onChange={(value) => onChange({ [to]: value ?? undefined })}
        style={{ width: '50%' }}
      />
    </Space.Compact>
  );
  return (
    <Form layout="vertical" className="member-filters" data-testid="member-filters">
      <Row gutter={12}>
        <Col xs={24} md={12} xl={5}>
          <Form.Item label={t('members.filters.status')} htmlFor="filter-status">
            <Select
              id="filter-status"
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('members.filters.any')}
              value={params.status}
              options={options(catalogs?.member_statuses)}
              showSearch={{ filterOption }}
              onChange={(value) => onChange({ status: value })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Form.Item label={t('members.filters.sex')} htmlFor="filter-sex">
            <Select
              id="filter-sex"
              allowClear
              placeholder={t('members.filters.any')}
              value={params.sex}
              options={options(catalogs?.sexes)}
              onChange={(value) => onChange({ sex: value })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={5}>
          <Form.Item label={t('members.filters.ethnicity')} htmlFor="filter-ethnicity">
            <Select
              id="filter-ethnicity"
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('members.filters.any')}
              value={params.ethnicity}
              options={options(catalogs?.ethnicities)}
              showSearch={{ filterOption }}
              onChange={(value) => onChange({ ethnicity: value })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Form.Item label={t('members.filters.age')}>
            {range('age_min', 'age_max', 0, 200, t('members.filters.age'))}
          </Form.Item>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Form.Item label={t('members.filters.admitted')}>
            {range('admitted_from', 'admitted_to', 1930, 9999, t('members.filters.admitted'))}
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={3} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Form.Item>
            <Button
              onClick={() =>
                onChange({
                  status: [],
                  sex: undefined,
                  ethnicity: [],
                  age_min: undefined,
                  age_max: undefined,
                  admitted_from: undefined,
                  admitted_to: undefined,
                })
              }
            >
              {t('members.filters.clear')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
