// A date field whose value is an ISO civil date ("1974-12-23") but which shows and accepts
// dd/mm/yyyy, the way Vietnamese forms write dates. Typing "23121974" or "23/12/1974" works.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

const formats = ['DD/MM/YYYY', 'D/M/YYYY', 'DDMMYYYY', 'YYYY-MM-DD'];

export interface DateInputProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  disabledAfterToday?: boolean;
  disabled?: boolean;
  status?: 'error' | 'warning';
  'aria-required'?: boolean;
  style?: React.CSSProperties;
}

export function DateInput({
  value,
  onChange,
  id,
  disabledAfterToday,
  disabled,
  status,
  style,
  ...rest
}: DateInputProps) {
  const { t } = useTranslation();
  const parsed = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      id={id}
      value={parsed && parsed.isValid() ? parsed : null}
      format={formats}
      placeholder={t('common.datePlaceholder')}
      status={status}
      disabled={disabled}
      style={{ width: '100%', ...style }}
      aria-required={rest['aria-required']}
      disabledDate={disabledAfterToday ? (day) => day.isAfter(dayjs(), 'day') : undefined}
      onChange={(day) => onChange?.(day ? day.format('YYYY-MM-DD') : null)}
    />
  );
}
