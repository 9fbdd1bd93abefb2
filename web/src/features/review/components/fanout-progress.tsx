// A campaign opened over a large subtree fans out in the background (the server writes a unit
// per organization in batches): its progress (units written of the total) while it runs. The
// campaign is read again every 2 s meanwhile (useCampaign); when it is done, the review's
// queries are read again, now with every unit, and the steps open.
import { useQueryClient } from '@tanstack/react-query';
import { Card, Progress, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import type { ReviewCampaign } from '@/types';

type Fanout = NonNullable<ReviewCampaign['fanout']>;

export function CampaignFanout({ fanout }: { fanout: Fanout | undefined }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const running = fanout?.state === 'running';
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) void client.invalidateQueries({ queryKey: ['review'] });
    wasRunning.current = running;
  }, [running, client]);
  if (!fanout || !running) return null;
  const total = fanout.total ?? 0;
  const units = fanout.units ?? 0;
  const percent = total > 0 ? Math.floor((units * 100) / total) : 0;
  return (
    <Card size="small" title={t('review.campaign.fanoutTitle')} data-testid="review-fanout">
      <Typography.Text>
        {t('review.campaign.fanoutRunning', {
          units: formatNumber(units, i18n.language),
          total: formatNumber(total, i18n.language),
        })}
      </Typography.Text>
      <Progress percent={percent} status="active" aria-label={t('review.campaign.fanoutTitle')} />
    </Card>
  );
}
