import { Button, Checkbox, FileButton, Group, Image, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SECTION_KINDS, type ReportSpecInput, type SectionKind } from '@shared/reports/schemas';
import { RELATIVE_PERIODS, type RelativePeriod } from '@shared/reports/period';
import type { Department, Intervention } from '@shared/api';

// The briefing book being edited: sections in order, scope, period, language of the report (not of
// the app), company, logo, confidentiality line, paper, and the intervention of a case study.

export type Draft = ReportSpecInput & { sections: { kind: SectionKind; title: string | null }[] };

async function fileToLogo(file: File): Promise<NonNullable<ReportSpecInput['logo']>> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return { mime: file.type === 'image/svg+xml' || file.name.toLowerCase().endsWith('.svg') ? 'image/svg+xml' : 'image/png', base64: btoa(bin), name: file.name };
}

export function ReportForm({ draft, set, departments, interventions }: { draft: Draft; set(p: Partial<Draft>): void; departments: Department[]; interventions: Intervention[] }) {
  const { t } = useTranslation('reports');
  const chosen = new Set(draft.sections.map((s) => s.kind));
  const toggle = (kind: SectionKind, on: boolean) =>
    set({ sections: SECTION_KINDS.filter((k) => (k === kind ? on : chosen.has(k))).map((k) => ({ kind: k, title: draft.sections.find((s) => s.kind === k)?.title ?? null })) });
  const period = draft.period ?? { kind: 'relative', relative: 'last_quarter' };
  const scopeKind = draft.scope?.kind ?? 'own';
  return (
    <Stack gap="sm" data-testid="report-form">
      <TextInput label={t('form.title')} value={draft.title} onChange={(e) => set({ title: e.currentTarget.value })} data-testid="report-title" />
      <SimpleGrid cols={2}>
        <Select label={t('form.department')} data={departments.map((d) => ({ value: d.id, label: d.name }))} value={draft.departmentId ?? null}
          onChange={(v) => set({ departmentId: v })} data-testid="report-department" />
        <SegmentedControl mt={24} value={scopeKind} onChange={(v) => set({ scope: v === 'all' ? { kind: 'all' } : { kind: 'own' } })}
          data={[{ value: 'own', label: t('form.scopeOwn') }, { value: 'all', label: t('form.scopeAll') }]} data-testid="report-scope" />
      </SimpleGrid>
      <Select label={t('form.period')} value={period.kind === 'relative' ? period.relative : null} data={RELATIVE_PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
        onChange={(v) => v && set({ period: { kind: 'relative', relative: v as RelativePeriod } })} data-testid="report-period" />
      <SimpleGrid cols={2}>
        <Select label={t('form.language')} value={draft.language ?? 'en'} data={[{ value: 'en', label: 'English' }, { value: 'fr', label: 'Français' }]}
          onChange={(v) => v && set({ language: v as 'en' | 'fr' })} allowDeselect={false} data-testid="report-language" />
        <Select label={t('form.paper')} value={draft.paper ?? 'a4'} data={[{ value: 'a4', label: 'A4' }, { value: 'letter', label: 'Letter' }]}
          onChange={(v) => v && set({ paper: v as 'a4' | 'letter' })} allowDeselect={false} />
      </SimpleGrid>
      <TextInput label={t('form.company')} value={draft.companyName ?? ''} onChange={(e) => set({ companyName: e.currentTarget.value || null })} data-testid="report-company" />
      <TextInput label={t('form.confidentiality')} value={draft.confidentiality ?? ''} onChange={(e) => set({ confidentiality: e.currentTarget.value || null })} data-testid="report-confidentiality" />
      <Group gap="sm">
        <FileButton accept="image/png,image/svg+xml" onChange={(f) => f && void fileToLogo(f).then((logo) => set({ logo }))}>
          {(props) => <Button variant="default" size="xs" leftSection={<IconPhoto size={14} />} {...props} data-testid="report-logo">{t('form.logo')}</Button>}
        </FileButton>
        {draft.logo ? (
          <Group gap="xs">
            <Image src={`data:${draft.logo.mime};base64,${draft.logo.base64}`} h={28} w="auto" fit="contain" alt="" />
            <Button variant="subtle" size="xs" onClick={() => set({ logo: null })}>{t('form.logoRemove')}</Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">{t('form.logoHelp')}</Text>
        )}
      </Group>
      <Select label={t('form.intervention')} placeholder={t('form.interventionNone')} clearable value={draft.focusInterventionId ?? null}
        data={interventions.map((i) => ({ value: i.id, label: i.title }))} onChange={(v) => set({ focusInterventionId: v })} searchable />
      <Text size="sm" fw={600} mt="xs">{t('form.sections')}</Text>
      <SimpleGrid cols={2} spacing={4}>
        {SECTION_KINDS.map((k) => (
          <Checkbox key={k} label={t(`section.${k}`)} checked={chosen.has(k)} onChange={(e) => toggle(k, e.currentTarget.checked)} data-testid={`section-${k}`} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
