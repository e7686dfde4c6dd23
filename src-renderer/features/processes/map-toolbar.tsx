import { ActionIcon, Button, Group, Menu, Select, Text, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp, IconArrowsMinimize, IconDownload, IconLine, IconPhoto, IconSearch, IconSitemap, IconVectorBezier2, IconZoomIn, IconZoomOut,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProcessMap } from '@shared/processes/map';
import { formatNumber } from '@shared/format';
import { severityFill } from '@shared/processes/map-drawing';

export interface MapToolbarProps {
  map: ProcessMap;
  zoom: number;
  exporting: boolean;
  connecting: boolean;
  busy: boolean;
  onFind(id: string | null): void;
  onZoomIn(): void;
  onZoomOut(): void;
  onZoomReset(): void;
  onFit(): void;
  onExport(format: 'svg' | 'png'): void;
  onConnect(): void;
  onDecision(): void;
  onUndo(): void;
}

/** Above the map: what it holds, its legend, finding a step, drawing (flows, decisions, undo), zoom and export. */
export function MapToolbar(p: MapToolbarProps) {
  const { t, i18n } = useTranslation('processes', { keyPrefix: 'map' });
  const locale = i18n.language;
  const { map } = p;
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Group gap="md">
        <Text size="sm" c="dimmed" data-testid="map-summary">
          {t('summary', {
            steps: formatNumber(map.steps.length, locale),
            lanes: formatNumber(map.lanes.length, locale),
            gaps: formatNumber(map.totalGaps.openGaps, locale),
          })}
        </Text>
        {map.processGaps.openGaps > 0 && (
          <Text size="sm" c="orange.8" data-testid="map-process-gaps">{t('processGaps', { count: map.processGaps.openGaps })}</Text>
        )}
        <Group gap={10} aria-label={t('legend.title')}>
          {[
            { c: severityFill(1), l: t('legend.low') },
            { c: severityFill(3), l: t('legend.mid') },
            { c: severityFill(5), l: t('legend.high') },
          ].map((x) => (
            <Group key={x.l} gap={4} wrap="nowrap">
              <span style={{ width: 12, height: 12, borderRadius: 6, background: x.c, display: 'inline-block' }} />
              <Text size="xs">{x.l}</Text>
            </Group>
          ))}
        </Group>
      </Group>
      <Group gap={4}>
        <Select
          placeholder={t('find')}
          aria-label={t('find')}
          leftSection={<IconSearch size={14} />}
          data={map.steps.map((s) => ({ value: s.id, label: s.lane ? `${s.name} — ${s.lane}` : s.name }))}
          value={null}
          onChange={p.onFind}
          searchable
          w={220}
          mr="xs"
          comboboxProps={{ width: 360, position: 'bottom-end' }}
          data-testid="map-find-step"
        />
        <Button.Group mr="xs">
          <Tooltip label={t('edit.connectHelp')}>
            <Button variant={p.connecting ? 'filled' : 'default'} size="sm" leftSection={<IconLine size={16} />} onClick={p.onConnect}
              aria-pressed={p.connecting} data-testid="map-connect">
              {t('edit.connect')}
            </Button>
          </Tooltip>
          <Button variant="default" size="sm" leftSection={<IconSitemap size={16} />} onClick={p.onDecision} data-testid="map-add-decision">
            {t('edit.decision')}
          </Button>
          <Tooltip label={t('edit.undoHelp')}>
            <Button variant="default" size="sm" leftSection={<IconArrowBackUp size={16} />} onClick={p.onUndo} loading={p.busy} data-testid="map-undo">
              {t('edit.undo')}
            </Button>
          </Tooltip>
        </Button.Group>
        <Tooltip label={t('zoom.out')}>
          <ActionIcon variant="default" size="lg" aria-label={t('zoom.out')} onClick={p.onZoomOut} data-testid="map-zoom-out">
            <IconZoomOut size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('zoom.reset')}>
          <Button variant="default" size="sm" w={68} px={4} onClick={p.onZoomReset} aria-label={t('zoom.reset')} data-testid="map-zoom-level">
            {Math.round(p.zoom * 100)}{'\u202f'}%
          </Button>
        </Tooltip>
        <Tooltip label={t('zoom.in')}>
          <ActionIcon variant="default" size="lg" aria-label={t('zoom.in')} onClick={p.onZoomIn} data-testid="map-zoom-in">
            <IconZoomIn size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('zoom.fit')}>
          <ActionIcon variant="default" size="lg" aria-label={t('zoom.fit')} onClick={p.onFit} data-testid="map-fit">
            <IconArrowsMinimize size={18} />
          </ActionIcon>
        </Tooltip>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="light" leftSection={<IconDownload size={16} />} loading={p.exporting} ml="xs" data-testid="map-export">
              {t('export.button')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconVectorBezier2 size={16} />} onClick={() => p.onExport('svg')} data-testid="map-export-svg">
              {t('export.svg')}
            </Menu.Item>
            <Menu.Item leftSection={<IconPhoto size={16} />} onClick={() => p.onExport('png')} data-testid="map-export-png">
              {t('export.png')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
