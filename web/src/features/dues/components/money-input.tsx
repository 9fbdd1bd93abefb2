// An amount in whole đồng: typed with or without thousands separators, shown grouped the
// UI language's way ("1.234.000"), never with decimals.
import { InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import { parseMoney } from '../lib/dues';

export interface MoneyInputProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  min?: number;
  status?: 'error' | 'warning';
  style?: React.CSSProperties;
  'aria-required'?: boolean;
  'data-testid'?: string;
}

export function MoneyInput({
  value,
  onChange,
  id,
  min = 0,
  status,
  style,
  ...rest
}: MoneyInputProps) {
  const { i18n } = useTranslation();
  return (
    <InputNumber<number>
      id={id}
      value={value ?? null}
      min={min}
      max={999_999_999_999}
      precision={0}
      step={1000}
      status={status}
      suffix="đ"
      inputMode="numeric"
      style={{ width: '100%', ...style }}
      aria-required={rest['aria-required']}
      data-testid={rest['data-testid']}
      formatter={(v) =>
        v === undefined || v === null ? '' : formatNumber(Number(v), i18n.language)
      }
      parser={(text) => parseMoney(text ?? '') ?? 0}
      onChange={(next) => onChange?.(next ?? null)}
    />
  );
}
