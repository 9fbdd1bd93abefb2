// The step, phase and notice names in the UI language (the codes are the server's).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import type { Notice } from '@/types';

export function useStepLabel() {
  const { t } = useTranslation();
  return useCallback((step: string) => t(`admission.steps.${step}`, { defaultValue: step }), [t]);
}

export function usePhaseLabel() {
  const { t } = useTranslation();
  return useCallback(
    (phase: string) => t(`admission.phases.${phase}`, { defaultValue: phase }),
    [t],
  );
}

/** A notice as a sentence, with the rule's source when it rests on one. */
export function useNoticeText() {
  const { t } = useTranslation();
  return useCallback(
    (notice: Notice) => {
      const text = t(`admission.notices.${notice.code}`, {
        defaultValue: notice.code,
        date: formatDate(notice.date),
      });
      return notice.rule ? `${text} (${notice.rule.source})` : text;
    },
    [t],
  );
}

export const overdueNotices = new Set(['course_expired', 'decision_overdue', 'ceremony_overdue']);
