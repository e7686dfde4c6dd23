import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, Grid, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BuiltinTemplate } from '@shared/reports/builtin-templates';
import type { ReportTemplate } from '@shared/reports/schemas';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { useLoad } from '../../components/use-load';
import { ReportForm, type Draft } from './report-form';
import { BuildPanel } from './build-panel';
import { REPORT_BUILDER } from '../../app/app-commands';

// The Reports page: pick a ready or saved template, adapt it, preview exactly what will be exported
// (the core renders the very HTML that becomes the PDF), save it for the department, build a file.

const lang = (l: string) => (l.startsWith('fr') ? 'fr' : 'en');

function fromBuiltin(b: BuiltinTemplate, departmentId: string | null, language: 'en' | 'fr'): Draft {
  return { departmentId, title: b.name[language], sections: b.sections, scope: b.scope, period: b.period, language, paper: 'a4', companyName: null, logo: null, confidentiality: null, focusInterventionId: null };
}
const fromSaved = (s: ReportTemplate): Draft => ({ ...s, title: s.name, sections: s.sections });

export default function ReportsPage() {
  const { t, i18n } = useTranslation('reports');
  const departments = useApp((s) => s.departments);
  const departmentId = useApp((s) => s.departmentId) ?? departments[0]?.id ?? null;
  const builtins = useLoad(() => api.call('reportTemplates.builtins', {}), []);
  const saved = useLoad(() => api.call('reportTemplates.list', {}), []);
  const interventions = useLoad(() => api.call('interventions.list', { limit: 1000, ...(departmentId ? { departmentId } : {}) }), [departmentId]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!draft && builtins.data?.[0]) setDraft(fromBuiltin(builtins.data[0], departmentId, lang(i18n.language)));
  }, [builtins.data, draft, departmentId, i18n.language]);

  // The departments arrive after the page: a draft made before them takes the first one.
  useEffect(() => {
    if (draft && !draft.departmentId && departmentId) setDraft({ ...draft, departmentId });
  }, [draft, departmentId]);

  // File ▸ Report… opens the builder: the form in view, its title focused, ready to adapt and build.
  const builderAsked = useApp((s) => s.route.params[0] === REPORT_BUILDER);
  const builderRef = useRef<HTMLDivElement | null>(null);
  const hasDraft = draft !== null;
  useEffect(() => {
    if (!builderAsked || !hasDraft) return;
    builderRef.current?.scrollIntoView({ block: 'start' });
    builderRef.current?.querySelector<HTMLInputElement>('[data-testid=report-title]')?.focus();
  }, [builderAsked, hasDraft]);

  const set = (p: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...p } : d));
  const showPreview = async () => {
    if (!draft) return;
    setBusy(true);
    setProblem(null);
    try {
      setPreview((await api.call('reports.preview', { spec: draft })).html);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    if (!draft?.departmentId) return;
    setProblem(null);
    const { departmentId: dep, title, ...fields } = draft;
    try {
      const row = savedId
        ? await api.call('reportTemplates.update', { id: savedId, name: title, ...fields })
        : await api.call('reportTemplates.create', { departmentId: dep!, name: title, ...fields });
      setSavedId(row.id);
      saved.reload();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed" size="sm">{t('subtitle')}</Text>
      </div>
      {departments.length === 0 && <Alert color="gray">{t('empty')}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Card withBorder padding="xs" data-testid="report-templates">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} p={6}>{t('templates.ready')}</Text>
            {builtins.data?.map((b) => (
              <NavLink key={b.key} label={b.name[lang(i18n.language)]} description={b.description[lang(i18n.language)]}
                onClick={() => { setDraft(fromBuiltin(b, departmentId, lang(i18n.language))); setSavedId(null); setPreview(null); }} data-testid={`template-${b.key}`} />
            ))}
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} p={6} mt="sm">{t('templates.saved')}</Text>
            {saved.data?.items.length === 0 && <Text size="xs" c="dimmed" px={6}>{t('templates.none')}</Text>}
            {saved.data?.items.map((s) => (
              <NavLink key={s.id} label={s.name} rightSection={<Badge size="xs" variant="light">{s.language}</Badge>} active={s.id === savedId}
                onClick={() => { setDraft(fromSaved(s)); setSavedId(s.id); setPreview(null); }} />
            ))}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {draft && (
            <Card withBorder padding="md" ref={builderRef} data-testid="report-builder" style={{ scrollMarginTop: 72 }}>
              <ReportForm draft={draft} set={set} departments={departments} interventions={interventions.data?.items ?? []} />
              <Group mt="md" gap="sm">
                <Button variant="default" leftSection={<IconEye size={16} />} onClick={() => void showPreview()} loading={busy} data-testid="report-preview-button">{t('preview')}</Button>
                <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save()} disabled={!draft.departmentId} data-testid="report-save">{savedId ? t('templates.update') : t('templates.save')}</Button>
              </Group>
              {problem && <Alert color="red" mt="sm" data-testid="report-problem">{problem}</Alert>}
              <Card withBorder mt="md" padding="sm"><BuildPanel spec={draft} fileBase={draft.title.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()} /></Card>
            </Card>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding={0} h="80vh">
            {preview ? (
              <iframe title={t('preview')} srcDoc={preview} sandbox="" style={{ width: '100%', height: '100%', border: 0 }} data-testid="report-preview" />
            ) : (
              <Text c="dimmed" size="sm" p="md">{t('previewHelp')}</Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
