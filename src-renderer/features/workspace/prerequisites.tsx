import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconHierarchy2, IconPlus, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Department, Process } from '@shared/api';
import { DepartmentFormModal } from '../departments/department-form-modal';
import { ProcessFormModal } from '../processes/process-form-modal';
import { TemplateModal } from '../processes/template-modal';
import { useApp } from '../../stores';

// When an action needs something that does not exist yet (a process needs a department, a gap a
// process), the screen says what to create and offers to create it right there, then carries on.

/** "First, a department": create one, or start from a template. */
export function NeedsDepartment({ onCreated, compact = false }: { onCreated?(d: Department): void; compact?: boolean }) {
  const { t } = useTranslation('workspace');
  const [dept, setDept] = useState(false);
  const [template, setTemplate] = useState(false);
  return (
    <Stack gap="sm" align={compact ? 'flex-start' : 'center'} data-testid="needs-department">
      {!compact && <IconBuilding size={40} stroke={1.4} color="var(--mantine-color-indigo-5)" />}
      <Title order={4}>{t('needs.department.title')}</Title>
      <Text size="sm" c="dimmed" ta={compact ? undefined : 'center'} maw={560}>{t('needs.department.body')}</Text>
      <Group gap="sm">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDept(true)} data-testid="needs-create-department">
          {t('needs.department.create')}
        </Button>
        <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={() => setTemplate(true)} data-testid="needs-template">
          {t('needs.department.template')}
        </Button>
      </Group>
      <DepartmentFormModal opened={dept} onClose={() => setDept(false)} onSaved={onCreated} />
      <TemplateModal opened={template} onClose={() => setTemplate(false)} />
    </Stack>
  );
}

/**
 * "First, a process" (for a gap): creates the process — and the department before it when there is
 * none — then hands the new process over, so the gap form opens on it.
 */
export function NeedsProcess({ onCreated }: { onCreated(p: Process): void }) {
  const { t } = useTranslation('workspace');
  const departments = useApp((s) => s.departments);
  const [processFor, setProcessFor] = useState<string | null | undefined>(undefined);
  const [dept, setDept] = useState(false);
  const [template, setTemplate] = useState(false);
  const none = departments.length === 0;
  return (
    <Stack gap="sm" data-testid="needs-process">
      <Group gap="xs">
        <IconHierarchy2 size={22} stroke={1.5} color="var(--mantine-color-indigo-6)" />
        <Title order={4}>{t('needs.process.title')}</Title>
      </Group>
      <Text size="sm">{none ? t('needs.process.bodyNoDepartment') : t('needs.process.body')}</Text>
      <Group gap="sm">
        {none ? (
          <>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDept(true)} data-testid="needs-create-department">
              {t('needs.process.department')}
            </Button>
            <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={() => setTemplate(true)} data-testid="needs-template">
              {t('needs.process.template')}
            </Button>
          </>
        ) : (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setProcessFor(null)} data-testid="needs-create-process">
            {t('needs.process.create')}
          </Button>
        )}
      </Group>
      {/* A new department goes straight on to its first process. */}
      <DepartmentFormModal opened={dept} onClose={() => setDept(false)} onSaved={(d) => setProcessFor(d.id)} />
      <ProcessFormModal opened={processFor !== undefined} onClose={() => setProcessFor(undefined)}
        departmentId={processFor ?? undefined} onSaved={onCreated} />
      <TemplateModal opened={template} onClose={() => setTemplate(false)} />
    </Stack>
  );
}
