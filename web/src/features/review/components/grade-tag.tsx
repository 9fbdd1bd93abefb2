// A grade as a coloured tag (the short name; the full one on hover).
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewGrade } from '@/types';
import { gradeColors } from '../lib/review';

export function GradeTag({ grade }: { grade: ReviewGrade | null | undefined }) {
  const { t } = useTranslation();
  if (!grade) return null;
  return (
    <Tooltip title={t(`review.grade.${grade}`)}>
      <Tag color={gradeColors[grade]} data-grade={grade}>
        {t(`review.gradeShort.${grade}`)}
      </Tag>
    </Tooltip>
  );
}
