// A date field whose value is an ISO civil date ("1974-12-23") but which shows and accepts
// dd/mm/yyyy, the way Vietnamese forms write dates. Typing "23121974" or "23/12/1974" works.
// "Today" is the server's (lib/today.ts): the calendar opens on its month and disabledAfterToday
// counts from it, never from the browser's clock. The picker's own "today" button (the browser's
// date) is hidden; forms put the server's today in by default where it is the usual answer.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';
import { useToday } from '@/lib/today';

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
  const today = useToday();
  const parsed = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  const todayDay = dayjs(today, 'YYYY-MM-DD', true);
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
      defaultPickerValue={todayDay}
      showNow={false}
      disabledDate={disabledAfterToday ? (day) => day.isAfter(todayDay, 'day') : undefined}
      onChange={(day) => onChange?.(day ? day.format('YYYY-MM-DD') : null)}
    />
  );
}
