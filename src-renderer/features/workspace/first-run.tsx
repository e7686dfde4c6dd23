import { useState, type ReactNode } from 'react';
import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingPlus, IconHierarchy2, IconPlayerPlay, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showApiError } from '../../components/api-form';
import { useApp } from '../../stores';
import { DepartmentFormModal } from '../departments/department-form-modal';
import { ProcessFormModal } from '../processes/process-form-modal';
import { TemplateModal } from '../processes/template-modal';

/** Whether a workspace with these counts (workspace.info) should greet its user with the first-run screen. */
export function showsFirstRun(counts: Record<string, number> | undefined): boolean {
  return !!counts && (counts.processes ?? 0) === 0 && (counts.gaps ?? 0) === 0 && (counts.indicators ?? 0) === 0;
}

function Choice({ icon, title, body, children, testId }: { icon: ReactNode; title: string; body: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="lg" radius="md" data-testid={testId}>
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light">{icon}</ThemeIcon>
          <Title order={4}>{title}</Title>
        </Group>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>{body}</Text>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * The first screen of an empty workspace, all buttons: load the demo in the user's language, start from
 * a department template, or create a department. Once departments exist without any process, it
 * offers the next step instead (a process), with the templates still at hand.
 */
export function FirstRun({ departments }: { departments: number }) {
  const { t, i18n } = useTranslation('workspace');
  const bumpRevision = useApp((s) => s.bumpRevision);
  const navigate = useApp((s) => s.navigate);
  const known = useApp((s) => s.departments);
  const [busy, setBusy] = useState(false);
  const [template, setTemplate] = useState(false);
  const [department, setDepartment] = useState(false);
  const [processFor, setProcessFor] = useState<string | null | undefined>(undefined);
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';

  const loadDemo = async () => {
    setBusy(true);
    try {
      const r = await api.call('workspace.demo', { lang });
      notifications.show({
        color: 'teal',
        message: t('firstRun.demo.done', { departments: r.counts.departments ?? 0, gaps: r.counts.gaps ?? 0, indicators: r.counts.indicators ?? 0 }),
      });
      bumpRevision();
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(false);
    }
  };

  const first = known[0];
  return (
    <Stack gap="md" data-testid="first-run">
      <div>
        <Title order={3}>{t('firstRun.title')}</Title>
        <Text c="dimmed" size="sm">{t('firstRun.subtitle')}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {departments === 0 ? (
          <Choice icon={<IconPlayerPlay size={22} />} title={t('firstRun.demo.title')} testId="first-run-demo-card"
            body={<>{t('firstRun.demo.body')} <Text span fw={600} c="dark">{t('firstRun.demo.language')}</Text></>}>
            <Button onClick={() => void loadDemo()} loading={busy} data-testid="first-run-demo">{t('firstRun.demo.button')}</Button>
          </Choice>
        ) : (
          <Choice icon={<IconHierarchy2 size={22} />} title={t('firstRun.next.title')} testId="first-run-next-card"
            body={t('firstRun.next.body', { name: first?.name ?? '' })}>
            <Button onClick={() => setProcessFor(first?.id ?? null)} data-testid="first-run-process">{t('firstRun.next.button')}</Button>
          </Choice>
        )}
        <Choice icon={<IconTemplate size={22} />} title={t('firstRun.template.title')} body={t('firstRun.template.body')} testId="first-run-template-card">
          <Button variant="light" onClick={() => setTemplate(true)} disabled={busy} data-testid="first-run-template">{t('firstRun.template.button')}</Button>
        </Choice>
        <Choice icon={<IconBuildingPlus size={22} />} title={t('firstRun.scratch.title')} body={t('firstRun.scratch.body')} testId="first-run-scratch-card">
          <Button variant="light" onClick={() => setDepartment(true)} disabled={busy} data-testid="first-run-department">{t('firstRun.scratch.button')}</Button>
        </Choice>
      </SimpleGrid>
      <TemplateModal opened={template} onClose={() => setTemplate(false)} />
      <DepartmentFormModal opened={department} onClose={() => setDepartment(false)} onSaved={(d) => setProcessFor(d.id)} />
      <ProcessFormModal opened={processFor !== undefined} onClose={() => setProcessFor(undefined)} departmentId={processFor ?? undefined}
        onSaved={(p) => navigate('processes', p.id, 'steps')} />
    </Stack>
  );
}
