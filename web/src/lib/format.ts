// Vietnamese formatting: numbers with "." thousands (65.000), dates as dd/mm/yyyy. English
// keeps dd/mm/yyyy dates (en-GB) and uses "," thousands.

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string): Intl.NumberFormat {
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format;
}

export function formatNumber(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return numberFormat(lang).format(value);
}

export function formatPercent(part: number, whole: number, lang: string): string {
  if (!whole) return '';
  const value = (part * 100) / whole;
  const text = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: 1,
  }).format(value);
  return `${text}%`;
}

/** "1974-12-23" -> "23/12/1974"; anything else is returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** A UTC instant shown in local time as dd/mm/yyyy HH:mm. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/**
 * Folds Vietnamese text for matching the way the server does: no diacritics, đ -> d, lower
 * case, runs of spaces collapsed. "Nguyễn Văn An" -> "nguyen van an".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐÐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
