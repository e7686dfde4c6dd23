import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ActionIcon, Alert, Box, Button, Card, Center, Group, Loader, Menu, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import {
  IconArrowsMinimize, IconDownload, IconMap2, IconSearch, IconPhoto, IconVectorBezier2, IconZoomIn, IconZoomOut, IconZoomReset,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProcessMap } from '@shared/processes/map';
import { formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { showApiError } from '../../components/api-form';
import { useApp } from '../../stores';
import GapFormModal from '../gaps/GapFormModal';
import { download, fileBaseName, serialiseMap, svgToPng } from './map-export';
import { layoutMap, severityFill } from '@shared/processes/map-layout';
import { LaneRows, MapSvgBody, type MapTexts } from './map-svg';
import { StepGapsPane } from './step-gaps-pane';
import { usePanZoom } from './use-pan-zoom';

export interface ProcessMapPanelProps {
  processId: string;
}

/**
 * The swimlane map of one process: lanes as rows, steps in flow order, gap markers from the
 * core; click a step for its gaps and to log one there; zoom, pan, fit; save as SVG or PNG.
 */
export default function ProcessMapPanel({ processId }: ProcessMapPanelProps) {
  const { t, i18n } = useTranslation('processes', { keyPrefix: 'map' });
  const navigate = useApp((s) => s.navigate);
  const revision = useApp((s) => s.revision);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [map, setMap] = useState<ProcessMap | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [gapOpen, setGapOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const contentRef = useRef<SVGGElement | null>(null);
  const idPrefix = `pm${useId().replace(/[^A-Za-z0-9]/g, '')}`;

  useEffect(() => {
    let alive = true;
    api.call('processes.map', { processId }).then(
      (m) => {
        if (!alive) return;
        setMap(m);
        setError(null);
      },
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, [processId, revision]);

  const layout = useMemo(() => (map ? layoutMap(map) : null), [map]);
  const pz = usePanZoom(layout?.width ?? 0, layout?.height ?? 0);
  const { fit } = pz;

  // Fit once per process when its map first arrives (not after each refresh, which would lose the view).
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (layout && map && fittedFor.current !== map.process.id) {
      fittedFor.current = map.process.id;
      fit();
    }
  }, [layout, map, fit]);

  const selected = map?.steps.find((s) => s.id === selectedId) ?? null;

  const texts: MapTexts = useMemo(
    () => ({
      noLane: t('noLane'),
      legendTitle: t('legend.title'),
      legendLow: t('legend.low'),
      legendMid: t('legend.mid'),
      legendHigh: t('legend.high'),
      loop: t('legend.loop'),
      openGaps: (n: number) => t('openGaps', { count: n }),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );

  if (error && !map) return <Alert color="red" title={t('loadError')}>{error}</Alert>;
  if (!map || !layout) return <Center h={200}><Loader size="sm" /></Center>;

  if (map.steps.length === 0) {
    return (
      <Card withBorder padding="xl" data-testid="map-empty">
        <Stack align="center" gap="sm">
          <IconMap2 size={40} stroke={1.4} color="var(--mantine-color-indigo-5)" />
          <Title order={4}>{t('empty.title')}</Title>
          <Text c="dimmed" ta="center" maw={520}>{t('empty.body')}</Text>
          <Button onClick={() => navigate('processes', processId, 'steps')} data-testid="map-empty-add-steps">{t('empty.action')}</Button>
        </Stack>
      </Card>
    );
  }

  const onSelect = (id: string) => {
    if (pz.dragged.current) return;
    setSelectedId((cur) => (cur === id ? null : id));
  };

  const exportAs = async (format: 'svg' | 'png') => {
    const content = contentRef.current;
    if (!content) return;
    setExporting(true);
    try {
      const svgText = serialiseMap(content, layout.width, layout.height, map.process.name);
      const base = fileBaseName(map.process.name);
      if (format === 'svg') download(new Blob([svgText], { type: 'image/svg+xml' }), `${base}.svg`);
      else download(await svgToPng(svgText, layout.width, layout.height, 2), `${base}.png`);
    } catch (e) {
      showApiError(e);
    } finally {
      setExporting(false);
    }
  };

  const findStep = (id: string | null) => {
    const placed = id ? layout.steps.find((p) => p.step.id === id) : null;
    if (!placed) return;
    setSelectedId(placed.step.id);
    pz.centerOn(placed.cx, placed.cy);
  };

  // Keyboard on the focused map: arrows pan, + and − zoom, 0 fits.
  const onViewportKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // keys on a step select it instead
    const step = 80;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => pz.panBy(step, 0),
      ArrowRight: () => pz.panBy(-step, 0),
      ArrowUp: () => pz.panBy(0, step),
      ArrowDown: () => pz.panBy(0, -step),
      '+': pz.zoomIn,
      '=': pz.zoomIn,
      '-': pz.zoomOut,
      '0': fit,
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
    }
  };

  const locale = i18n.language;
  const total = map.totalGaps;
  // Lane names stay pinned on the left once the map is panned sideways past them.
  const pinLabels = pz.view.tx < 0;
  return (
    <Stack gap="sm" data-testid="process-map">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="md">
          <Text size="sm" c="dimmed" data-testid="map-summary">
            {t('summary', {
              steps: formatNumber(map.steps.length, locale),
              lanes: formatNumber(map.lanes.length, locale),
              gaps: formatNumber(total.openGaps, locale),
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
            onChange={findStep}
            searchable
            w={240}
            mr="xs"
            comboboxProps={{ width: 360, position: 'bottom-end' }}
            data-testid="map-find-step"
          />
          <Tooltip label={t('zoom.out')}>
            <ActionIcon variant="default" size="lg" aria-label={t('zoom.out')} onClick={pz.zoomOut} data-testid="map-zoom-out">
              <IconZoomOut size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('zoom.reset')}>
            <Button variant="default" size="sm" w={68} px={4} onClick={() => pz.setZoom(1)} aria-label={t('zoom.reset')} data-testid="map-zoom-level">
              {Math.round(pz.view.k * 100)} %
            </Button>
          </Tooltip>
          <Tooltip label={t('zoom.in')}>
            <ActionIcon variant="default" size="lg" aria-label={t('zoom.in')} onClick={pz.zoomIn} data-testid="map-zoom-in">
              <IconZoomIn size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('zoom.fit')}>
            <ActionIcon variant="default" size="lg" aria-label={t('zoom.fit')} onClick={fit} data-testid="map-fit">
              <IconArrowsMinimize size={18} />
            </ActionIcon>
          </Tooltip>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="light" leftSection={<IconDownload size={16} />} loading={exporting} ml="xs" data-testid="map-export">
                {t('export.button')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconVectorBezier2 size={16} />} onClick={() => void exportAs('svg')} data-testid="map-export-svg">
                {t('export.svg')}
              </Menu.Item>
              <Menu.Item leftSection={<IconPhoto size={16} />} onClick={() => void exportAs('png')} data-testid="map-export-png">
                {t('export.png')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <Group align="stretch" gap="sm" wrap="nowrap">
        <Box
          ref={pz.ref}
          {...pz.handlers}
          tabIndex={0}
          onKeyDown={onViewportKey}
          aria-label={t('zoom.hint')}
          data-testid="map-viewport"
          style={{
            flex: 1,
            minWidth: 0,
            // As tall as the map at 100 % when that is less than the screen, so a short map leaves no void.
            height: `max(320px, min(${Math.ceil(layout.height + 48)}px, calc(100vh - 330px)))`,
            overflow: 'hidden',
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 'var(--mantine-radius-md)',
            background: '#fbfcfe',
            cursor: 'grab',
            userSelect: 'none',
            touchAction: 'none',
            position: 'relative',
          }}
        >
          <svg width="100%" height="100%" role="img" aria-label={t('mapLabel', { name: map.process.name })} data-testid="map-svg">
            <g ref={contentRef} transform={`translate(${pz.view.tx},${pz.view.ty}) scale(${pz.view.k})`}>
              <MapSvgBody layout={layout} texts={texts} selectedId={selectedId} onSelect={onSelect} idPrefix={idPrefix} />
            </g>
            {pinLabels && (
              <g transform={`translate(0,${pz.view.ty}) scale(${pz.view.k})`} data-testid="map-pinned-lanes" style={{ pointerEvents: 'none' }}>
                <LaneRows layout={layout} texts={texts} labelsOnly />
              </g>
            )}
          </svg>
          <Text size="xs" c="dimmed" px={6} style={{ position: 'absolute', left: 8, bottom: 6, pointerEvents: 'none', background: 'rgba(255,255,255,0.85)', borderRadius: 4 }}>
            {t('zoom.hint')}
          </Text>
          <Tooltip label={t('zoom.reset')}>
            <ActionIcon
              variant="default"
              aria-label={t('zoom.reset')}
              style={{ position: 'absolute', right: 8, bottom: 8 }}
              onClick={() => pz.setZoom(1)}
            >
              <IconZoomReset size={16} />
            </ActionIcon>
          </Tooltip>
        </Box>
        {selected && <StepGapsPane step={selected} onClose={() => setSelectedId(null)} onLogGap={() => setGapOpen(true)} />}
      </Group>
      <GapFormModal
        opened={gapOpen}
        onClose={() => setGapOpen(false)}
        processId={processId}
        stepId={selected?.id ?? null}
        gap={null}
        onSaved={() => bumpRevision()}
      />
    </Stack>
  );
}
