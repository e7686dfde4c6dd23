import { Tabs } from '@mantine/core';
import { IconChartLine, IconCoin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../stores';
import { IndicatorDetail } from './indicator-detail';
import { IndicatorList } from './indicator-list';
import { RoiView } from '../roi/roi-view';

/** `#/indicators` lists them, `#/indicators/<id>` opens one, `#/indicators/roi` shows impact and ROI. */
export default function IndicatorsPage() {
  const { t } = useTranslation('indicators');
  const param = useApp((s) => s.route.params[0]);
  const navigate = useApp((s) => s.navigate);
  if (param && param !== 'roi') return <IndicatorDetail key={param} indicatorId={param} />;
  return (
    <Tabs value={param === 'roi' ? 'roi' : 'list'} onChange={(v) => (v === 'roi' ? navigate('indicators', 'roi') : navigate('indicators'))} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="list" leftSection={<IconChartLine size={16} />} data-testid="tab-indicators">{t('tabs.list')}</Tabs.Tab>
        <Tabs.Tab value="roi" leftSection={<IconCoin size={16} />} data-testid="tab-roi">{t('tabs.roi')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="list"><IndicatorList /></Tabs.Panel>
      <Tabs.Panel value="roi"><RoiView /></Tabs.Panel>
    </Tabs>
  );
}
