import { describe, expect, it } from 'vitest';
import { fold, formatDate, formatNumber, formatPercent } from './format';

describe('format', () => {
  it('writes numbers the Vietnamese way', () => {
    expect(formatNumber(65000, 'vi')).toBe('65.000');
    expect(formatNumber(1234567, 'vi')).toBe('1.234.567');
    expect(formatNumber(65000, 'en')).toBe('65,000');
    expect(formatNumber(null, 'vi')).toBe('');
  });

  it('writes dates as dd/mm/yyyy', () => {
    expect(formatDate('1974-12-23')).toBe('23/12/1974');
    expect(formatDate(null)).toBe('');
  });

  it('writes percentages with a decimal comma', () => {
    expect(formatPercent(1, 3, 'vi')).toBe('33,3%');
    expect(formatPercent(1, 0, 'vi')).toBe('');
  });

  it('folds Vietnamese names', () => {
    expect(fold('Nguyễn Văn An')).toBe('nguyen van an');
    expect(fold('  Đặng   Thị  Ánh ')).toBe('dang thi anh');
    expect(fold('ÐỖ')).toBe('do');
  });
});
