// A field problem as the user reads it: the server's message, then the rule it broke and that
// rule's source ("Vi phạm: admission.min_age_months — Điều lệ Đảng, Điều 1").
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemFieldError } from '@/types';
import { ruleReference, type ProblemFormat } from './form-errors';

export function useProblemText(): ProblemFormat {
  const { t } = useTranslation();
  return useCallback(
    (error: ProblemFieldError) => {
      const rule = ruleReference(error);
      return rule ? `${error.message} · ${t('problem.rule', { rule })}` : error.message;
    },
    [t],
  );
}
