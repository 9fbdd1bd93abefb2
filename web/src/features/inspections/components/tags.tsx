// An inspection's stage and an item's state (overdue in red) as coloured tags.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionItem, InspectionStageCode } from '@/types';

const stageColors: Record<InspectionStageCode, string> = {
  planned: 'default',
  decision: 'blue',
  plan: 'cyan',
  work: 'gold',
  report: 'orange',
  conclusion: 'green',
};

export function StageTag({ stage }: { stage: InspectionStageCode }) {
  const { t } = useTranslation();
  return (
    <Tag color={stageColors[stage]} data-testid="inspection-stage">
      {t(`inspections.stages.${stage}`)}
    </Tag>
  );
}

export function ItemStateTag({ item }: { item: Pick<InspectionItem, 'state' | 'overdue'> }) {
  const { t } = useTranslation();
  if (item.overdue) {
    return (
      <Tag color="red" data-testid="item-state">
        {t('inspections.items.overdue')}
      </Tag>
    );
  }
  return (
    <Tag color={item.state === 'closed' ? 'green' : 'blue'} data-testid="item-state">
      {t(`inspections.items.states.${item.state}`)}
    </Tag>
  );
}
