import { useState } from 'react';
import { Badge, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@shared/format';
import type { Gap } from '@shared/gaps/schemas';
import type { Intervention } from '@shared/interventions/schemas';
import { api } from '../../api/client';
import { LinkList } from '../../components/link-list';
import { useApp } from '../../stores';
import { InterventionFormModal } from '../interventions/intervention-form-modal';
import { BADGE_FULL, INTERVENTION_STATUS_COLOURS } from './gap-style';

/** The interventions working on a gap: link an existing one, create one linked to it, unlink. */
export function GapInterventions({ gap, linked }: { gap: Gap; linked: Intervention[] }) {
  const { t, i18n } = useTranslation('gaps');
  const { t: tc } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const [creating, setCreating] = useState(false);
  return (
    <LinkList<Intervention>
      linked={linked}
      candidates={(text) => api.call('interventions.list', { departmentId: gap.departmentId, limit: 30, ...(text ? { text } : {}) })}
      candidateDeps={[gap.departmentId]}
      optionLabel={(i) => `${i.title} · ${tc(`interventionStatus.${i.status}`)}`}
      pair={(interventionId) => ({ gapId: gap.id, interventionId })}
      open={(i) => navigate('interventions', i.id)}
      subtitle={(i) => `${i.owner ?? '—'}${i.startDate ? ` · ${formatDate(i.startDate, i18n.language)}` : ''}`}
      badge={(i) => (
        <Badge tt="none" variant="light" color={INTERVENTION_STATUS_COLOURS[i.status]} styles={BADGE_FULL} data-testid="gap-intervention-status">
          {tc(`interventionStatus.${i.status}`)}
        </Badge>
      )}
      text={(key, values) => t(`links.${key}`, values ?? {})}
      testIds={{ list: 'gap-interventions', row: 'gap-intervention-row', unlink: 'gap-intervention-unlink', select: 'link-intervention-select', link: 'link-intervention' }}
      extra={(link) => (
        <>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-linked-intervention">
            {t('links.new')}
          </Button>
          <InterventionFormModal opened={creating} onClose={() => setCreating(false)} departmentId={gap.departmentId} onSaved={(i) => void link(i.id)} />
        </>
      )}
    />
  );
}
