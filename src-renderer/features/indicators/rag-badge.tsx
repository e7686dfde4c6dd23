import { Badge, Group, Tooltip } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RagStatus } from '@shared/indicators/status';

const COLOR: Record<RagStatus, string> = { green: 'green', amber: 'orange', red: 'red', no_data: 'gray', no_target: 'gray' };

/**
 * The RAG status the core computed, as a coloured badge with its words (colour is never the only
 * cue); `watch` is the latest point's own colour when it is worse than the status ("watch", not a new colour).
 */
export function RagBadge({ status, watch = null, size = 'md' }: { status: RagStatus | null | undefined; watch?: RagStatus | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const { t: tf } = useTranslation('figures');
  if (!status) return null;
  const badge = (
    <Badge tt="none" color={COLOR[status]} variant={status === 'no_data' || status === 'no_target' ? 'outline' : 'filled'} size={size}
      style={{ overflow: 'visible', flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}
      data-testid="rag-badge" data-status={status} data-watch={watch ?? undefined}>
      {t(`rag.${status}`)}
    </Badge>
  );
  if (!watch) return badge;
  return (
    <Group gap={4} wrap="nowrap">
      {badge}
      <Tooltip label={tf('watch.tooltip', { status: t(`rag.${watch}`) })} multiline w={260}>
        <Badge tt="none" color={COLOR[watch]} variant="light" size={size} leftSection={<IconEye size={12} />} data-testid="rag-watch">
          {tf('watch.label')}
        </Badge>
      </Tooltip>
    </Group>
  );
}
