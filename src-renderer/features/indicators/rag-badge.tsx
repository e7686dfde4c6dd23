import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RagStatus } from '@shared/indicators/status';

const COLOR: Record<RagStatus, string> = { green: 'green', amber: 'orange', red: 'red', no_data: 'gray', no_target: 'gray' };

/** The RAG status the core computed, as a coloured badge with its words (colour is never the only cue). */
export function RagBadge({ status, size = 'md' }: { status: RagStatus | null | undefined; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge tt="none" color={COLOR[status]} variant={status === 'no_data' || status === 'no_target' ? 'outline' : 'filled'} size={size}
      style={{ overflow: 'visible', flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}
      data-testid="rag-badge" data-status={status}>
      {t(`rag.${status}`)}
    </Badge>
  );
}
