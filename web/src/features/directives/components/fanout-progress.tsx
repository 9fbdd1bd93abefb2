// The background fan-outs of a directive (a task to every cell of a large subtree): each one's
// progress (done of total) while the job works through it, and what it made once done. The
// directive is read again every 2 s while one runs (useDirective); when the last one ends, the
// roll-up and the assignment lists are read again, now complete.
import { useQueryClient } from '@tanstack/react-query';
import { Card, Progress, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import type { DirectiveFanout } from '@/types';

export function FanoutProgress({ fanouts }: { fanouts: DirectiveFanout[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const client = useQueryClient();
  const running = fanouts.some((fanout) => fanout.state === 'running');
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) {
      void client.invalidateQueries({ queryKey: ['directives'] });
      void client.invalidateQueries({ queryKey: ['assignments'] });
    }
    wasRunning.current = running;
  }, [running, client]);
  if (fanouts.length === 0) return null;
  return (
    <Card size="small" title={t('directive.fanout.title')} data-testid="directive-fanouts">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {fanouts.map((fanout) => {
          const percent = fanout.total > 0 ? Math.floor((fanout.done * 100) / fanout.total) : 100;
          const numbers = {
            done: formatNumber(fanout.done, lang),
            total: formatNumber(fanout.total, lang),
            created: formatNumber(fanout.created, lang),
            skipped: formatNumber(fanout.skipped, lang),
          };
          return (
            <div key={fanout.id} data-testid="directive-fanout" data-state={fanout.state}>
              <Typography.Text>
                {fanout.state === 'running'
                  ? t('directive.fanout.running', numbers)
                  : t('directive.fanout.done', numbers)}
              </Typography.Text>
              <Progress
                percent={fanout.state === 'done' ? 100 : percent}
                status={fanout.state === 'running' ? 'active' : 'success'}
                aria-label={t('directive.fanout.title')}
              />
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
