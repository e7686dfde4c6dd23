import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Gap } from '@shared/gaps/schemas';
import type { Intervention } from '@shared/interventions/schemas';
import { formatMoney } from '@shared/format';
import { api } from '../../api/client';
import { LinkList } from '../../components/link-list';
import { useApp } from '../../stores';
import { BADGE_FULL, GAP_STATUS_COLOURS } from '../gaps/gap-style';

/** The gaps an intervention works on (many-to-many): link, unlink, open. */
export function InterventionGaps({ intervention, linked }: { intervention: Intervention; linked: Gap[] }) {
  const { t, i18n } = useTranslation('interventions');
  const { t: tc } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  return (
    <LinkList<Gap>
      linked={linked}
      candidates={(text) =>
        api.call('gaps.list', { departmentId: intervention.departmentId, limit: 30, sortBy: 'cost', sortDir: 'desc', ...(text ? { text } : {}) })
      }
      candidateDeps={[intervention.departmentId]}
      optionLabel={(g) => `${g.title} · ${tc(`gapStatus.${g.status}`)}`}
      pair={(gapId) => ({ gapId, interventionId: intervention.id })}
      open={(g) => navigate('gaps', g.id)}
      subtitle={(g) =>
        `${g.processName}${g.monthlyCostCents !== null ? ` · ${formatMoney(g.monthlyCostCents, g.currency, i18n.language, 0)}${t('gaps.perMonth')}` : ''}`
      }
      badge={(g) => (
        <Badge tt="none" variant="dot" color={GAP_STATUS_COLOURS[g.status]} styles={BADGE_FULL} data-testid="intervention-gap-status">
          {tc(`gapStatus.${g.status}`)}
        </Badge>
      )}
      text={(key, values) => t(`gaps.${key}`, values ?? {})}
      testIds={{ list: 'intervention-gaps', row: 'intervention-gap-row', unlink: 'intervention-gap-unlink', select: 'link-gap-select', link: 'link-gap' }}
    />
  );
}
