import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type { Page } from '../../../src-shared/common';
import type * as S from '../../../src-shared/reports/schemas';
import { BUILTIN_TEMPLATES } from '../../../src-shared/reports/builtin-templates';
import type { Workspace } from '../../db/workspace';
import { getDto, listPage, requireLive, toColumns } from '../../db/read';
import { checkLogo } from './logo';

// Report templates, saved per department through the write path (history, undo and sync see them).

type T = S.ReportTemplate;

function refuseNameClash(ws: Workspace, departmentId: string, name: string, self: string | null): void {
  const clash = ws.db
    .prepare(`SELECT 1 FROM report_templates WHERE department_id = ? AND name = ? COLLATE NOCASE AND deleted_at IS NULL AND (? IS NULL OR id <> ?)`)
    .get(departmentId, name, self, self);
  if (clash) throw BoucleError.of('conflict', 'report.template_name_taken', { name }, 'name');
}

/** The references a template (or a spec) holds must be live: departments of its scope, its intervention. */
export function checkReferences(ws: Workspace, v: { scope?: S.ReportScope | undefined; focusInterventionId?: string | null | undefined }): void {
  if (v.scope?.kind === 'several') v.scope.departmentIds.forEach((id, i) => requireLive(ws.db, 'departments', id, `scope.departmentIds.${i}`));
  if (v.focusInterventionId) requireLive(ws.db, 'interventions', v.focusInterventionId, 'focusInterventionId');
}

export function createReportTemplate(ws: Workspace, input: z.output<typeof S.reportTemplateCreate>): T {
  requireLive(ws.db, 'departments', input.departmentId, 'departmentId');
  refuseNameClash(ws, input.departmentId, input.name, null);
  checkReferences(ws, input);
  const logo = input.logo ? checkLogo(input.logo) : null;
  const { departmentId, ...fields } = input;
  const id = ws.writer.write((tx) => tx.insert('report_templates', { ...toColumns({ ...fields, logo }), department_id: departmentId }));
  return getReportTemplate(ws, id);
}

export function updateReportTemplate(ws: Workspace, input: z.output<typeof S.reportTemplateUpdate>): T {
  const row = requireLive(ws.db, 'report_templates', input.id, 'id');
  if (input.name !== undefined) refuseNameClash(ws, row.department_id as string, input.name, input.id);
  checkReferences(ws, input);
  const logo = input.logo ? checkLogo(input.logo) : input.logo;
  // Only what really changed is logged (the write path compares with the stored row).
  ws.writer.write((tx) => tx.update('report_templates', input.id, toColumns({ ...input, logo })));
  return getReportTemplate(ws, input.id);
}

export function deleteReportTemplate(ws: Workspace, id: string): { ok: true } {
  requireLive(ws.db, 'report_templates', id, 'id');
  ws.writer.write((tx) => tx.remove('report_templates', id));
  return { ok: true };
}

export function getReportTemplate(ws: Workspace, id: string): T {
  return getDto<T>(ws.db, 'report_templates', id);
}

export function listReportTemplates(ws: Workspace, q: z.output<typeof S.reportTemplateList>): Page<T> {
  return listPage<T>(ws.db, 'report_templates', {
    where: { department_id: q.departmentId },
    extra: [{ sql: `department_id IN (SELECT id FROM departments WHERE deleted_at IS NULL)`, params: [] }],
    orderBy: 'name COLLATE NOCASE, id',
    limit: q.limit,
    offset: q.offset,
  });
}

export const listBuiltinTemplates = () => BUILTIN_TEMPLATES;
