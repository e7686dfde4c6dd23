import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ActionIcon, Alert, Box, Button, Card, Center, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMap2, IconZoomReset } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProcessMap } from '@shared/processes/map';
import { formatDate } from '@shared/format';
import { api } from '../../api/client';
import { showApiError } from '../../components/api-form';
import { useApp } from '../../stores';
import GapFormModal from '../gaps/GapFormModal';
import { layoutMap } from '@shared/processes/map-layout';
import { download, EXPORT_HEADER_H, fileBaseName, serialiseMap, svgToPng } from './map-export';
import { DecisionDialog, FlowDialog, type FlowTarget } from './map-edit';
import { MapToolbar } from './map-toolbar';
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
  // Drawing a flow: on, then the step it starts from, then the one it goes to opens its dialog.
  const [connect, setConnect] = useState<{ from: string | null } | null>(null);
  const [flowTarget, setFlowTarget] = useState<FlowTarget | null>(null);
  const [decisionOpen, setDecisionOpen] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const departments = useApp((s) => s.departments);
  const [available, setAvailable] = useState(560);
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
  const { fit, ensureVisible } = pz;

  // The map takes the window's height below it, so "fit" can show every lane without scrolling the page.
  const vpRef = pz.ref;
  const hasLayout = layout !== null;
  useLayoutEffect(() => {
    const measure = () => {
      const top = vpRef.current?.getBoundingClientRect().top ?? 260;
      setAvailable(Math.max(320, Math.floor(window.innerHeight - Math.max(top, 0) - 24)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [vpRef, hasLayout]);

  // Fit once per process when its map first arrives (not after each refresh, which would lose the view);
  // the viewport fits itself again when its room changes, until the user moves the map.
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (layout && map && fittedFor.current !== map.process.id) {
      fittedFor.current = map.process.id;
      fit();
    }
  }, [layout, map, fit]);

  const selected = map?.steps.find((s) => s.id === selectedId) ?? null;

  // The side pane narrows the viewport when it opens: bring the selected step back into view.
  useEffect(() => {
    const placed = selectedId ? layout?.steps.find((p) => p.step.id === selectedId) : null;
    if (!placed) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => ensureVisible(placed.x - 12, placed.y - 12, placed.x + placed.w + 12, placed.y + placed.h + 28));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [selectedId, layout, ensureVisible]);

  const texts: MapTexts = useMemo(
    () => ({
      noLane: t('noLane'),
      legendTitle: t('legend.title'),
      legendLow: t('legend.low'),
      legendMid: t('legend.mid'),
      legendHigh: t('legend.high'),
      loop: t('legend.loop'),
      decision: t('legend.decision'),
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

  const stepById = (id: string) => map.steps.find((s) => s.id === id) ?? null;
  const onSelect = (id: string) => {
    if (pz.dragged.current) return;
    if (connect) {
      if (!connect.from) setConnect({ from: id });
      else if (connect.from !== id) {
        const from = stepById(connect.from);
        const to = stepById(id);
        // Drawing a flow that is already there opens it, to label it, rather than refusing a duplicate.
        const flow = map.flows.find((f) => f.fromStepId === connect.from && f.toStepId === id);
        if (from && to) setFlowTarget(flow ? { from, to, flow } : { from, to });
        setConnect(null);
      }
      return;
    }
    setSelectedId((cur) => (cur === id ? null : id));
  };
  const onFlowClick = (id: string) => {
    const flow = map.flows.find((f) => f.id === id);
    const from = flow ? stepById(flow.fromStepId) : null;
    const to = flow ? stepById(flow.toStepId) : null;
    if (flow && from && to) setFlowTarget({ from, to, flow });
  };
  const undo = async () => {
    setUndoing(true);
    try {
      const r = await api.call('processes.undo', { processId });
      notifications.show({ color: 'indigo', message: t('edit.undone', { count: r.reverted }) });
      bumpRevision();
    } catch (e) {
      showApiError(e);
    } finally {
      setUndoing(false);
    }
  };

  const exportAs = async (format: 'svg' | 'png') => {
    const content = contentRef.current;
    if (!content) return;
    setExporting(true);
    try {
      const dept = departments.find((d) => d.id === map.process.departmentId);
      const subtitle = [dept?.name, map.process.referenceId, formatDate(new Date().toISOString().slice(0, 10), i18n.language)].filter(Boolean).join(' · ');
      const svgText = serialiseMap(content, layout.width, layout.height, { title: map.process.name, subtitle });
      const base = fileBaseName(map.process.name);
      if (format === 'svg') download(new Blob([svgText], { type: 'image/svg+xml' }), `${base}.svg`);
      else download(await svgToPng(svgText, layout.width, layout.height + EXPORT_HEADER_H, 2), `${base}.png`);
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
    if (e.key === 'Escape' && connect) {
      setConnect(null);
      return;
    }
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

  // Lane names stay pinned on the left once the map is panned sideways past them.
  const pinLabels = pz.view.tx < 0;
  return (
    <Stack gap="sm" data-testid="process-map">
      <MapToolbar
        map={map}
        zoom={pz.view.k}
        exporting={exporting}
        connecting={!!connect}
        busy={undoing}
        onFind={findStep}
        onZoomIn={pz.zoomIn}
        onZoomOut={pz.zoomOut}
        onZoomReset={() => pz.setZoom(1)}
        onFit={fit}
        onExport={(f) => void exportAs(f)}
        onConnect={() => setConnect((c) => (c ? null : { from: null }))}
        onDecision={() => setDecisionOpen(true)}
        onUndo={() => void undo()}
      />
      {connect && (
        <Alert color="green" variant="light" py={6} data-testid="map-connect-hint"
          withCloseButton onClose={() => setConnect(null)} closeButtonLabel={t('edit.cancel')}>
          <Text size="sm">{connect.from ? t('edit.pickTarget', { name: stepById(connect.from)?.name ?? '' }) : t('edit.pickSource')}</Text>
        </Alert>
      )}
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
            // As tall as the map at 100 % when that is less than the window, so a short map leaves no void.
            height: Math.max(320, Math.min(Math.ceil(layout.height + 48), available)),
            overflow: 'hidden',
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 'var(--mantine-radius-md)',
            background: '#fbfcfe',
            cursor: connect ? 'crosshair' : 'grab',
            userSelect: 'none',
            touchAction: 'none',
            position: 'relative',
          }}
        >
          <svg width="100%" height="100%" role="img" aria-label={t('mapLabel', { name: map.process.name })} data-testid="map-svg">
            <g ref={contentRef} transform={`translate(${pz.view.tx},${pz.view.ty}) scale(${pz.view.k})`}>
              <MapSvgBody layout={layout} texts={texts} selectedId={selectedId} onSelect={onSelect} idPrefix={idPrefix}
                onFlowClick={onFlowClick} markedId={connect?.from ?? null} />
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
      <FlowDialog target={flowTarget} onClose={() => setFlowTarget(null)} onDone={bumpRevision} />
      <DecisionDialog opened={decisionOpen} processId={processId} steps={map.steps} afterId={selectedId}
        lanes={map.lanes.flatMap((l) => (l.name ? [l.name] : []))}
        onClose={() => setDecisionOpen(false)} onDone={() => { bumpRevision(); setConnect(null); }} />
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
