// Catalogs (code lists) and rules from the server: fixed for the server's life, fetched once.
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry, Catalogs, RuleParameter } from '@/types';
import { api } from './api-client';

export type CatalogListName =
  | 'sexes'
  | 'ethnicities'
  | 'religions'
  | 'professional_qualifications'
  | 'political_theory_levels'
  | 'occupations'
  | 'org_kinds'
  | 'member_statuses';

export function useCatalogs() {
  return useQuery({
    queryKey: ['catalogs'],
    queryFn: ({ signal }) => api<Catalogs>('/catalogs', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function useRules() {
  return useQuery({
    queryKey: ['rules'],
    queryFn: ({ signal }) => api<{ items: RuleParameter[] }>('/rules', { signal }),
    staleTime: Infinity,
    select: (data) => data.items,
  });
}

/** The rule version in force on `date` (ISO), or undefined. */
export function ruleInForce(
  rules: RuleParameter[] | undefined,
  key: string,
  date: string,
): RuleParameter | undefined {
  let found: RuleParameter | undefined;
  for (const rule of rules ?? []) {
    if (rule.key !== key || rule.effective_from > date) continue;
    if (!found || rule.effective_from > found.effective_from) found = rule;
  }
  return found;
}

export function entryLabel(entry: CatalogEntry, lang: string): string {
  return lang === 'en' ? entry.name_en : entry.name_vi;
}

/** (list, code) -> the entry's name in the UI language; the code itself when unknown. */
export function useCatalogLabel() {
  const { data } = useCatalogs();
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useCallback(
    (list: CatalogListName, code: string | null | undefined): string => {
      if (!code) return '';
      const entries = (data?.[list] ?? []) as CatalogEntry[];
      const entry = entries.find((item) => item.code === code);
      return entry ? entryLabel(entry, lang) : code;
    },
    [data, lang],
  );
}

/** A member field's label in the UI language (from the server's field table). */
export function useFieldLabel() {
  const { data } = useCatalogs();
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useCallback(
    (name: string): string => {
      const field = data?.member_fields.find((item) => item.name === name);
      if (!field) return name;
      return lang === 'en' ? field.label_en : field.label_vi;
    },
    [data, lang],
  );
}
