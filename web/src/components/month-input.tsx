// A month field whose value is "YYYY-MM", shown and typed as mm/yyyy. Used by the dues pages
// (the book's month, a payment's first month) and the meetings calendar.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

const formats = ['MM/YYYY', 'M/YYYY', 'MMYYYY', 'YYYY-MM'];

export interface MonthInputProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  allowClear?: boolean;
  status?: 'error' | 'warning';
  style?: React.CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function MonthInput({
  value,
  onChange,
  id,
  allowClear = false,
  status,
  style,
  ...rest
}: MonthInputProps) {
  const { t } = useTranslation();
  const parsed = value ? dayjs(value, 'YYYY-MM', true) : null;
  return (
    <DatePicker
      id={id}
      picker="month"
      value={parsed && parsed.isValid() ? parsed : null}
      format={formats}
      placeholder={t('dues.monthPlaceholder')}
      allowClear={allowClear}
      status={status}
      style={{ width: 140, ...style }}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
      onChange={(day) => onChange?.(day ? day.format('YYYY-MM') : null)}
    />
  );
}
