import type { ReportFile } from '../../src-shared/reports/schemas';
import type { Workspace } from '../db/workspace';
import { serializeWorkspace } from '../services/workspace/workspace-json';
import { writeOutput } from './output';

// File ▸ Export… in the app: the whole workspace as the JSON document of `boucle export --json`
// (docs/workspace-json.md), written where the app's other exports go (a download in the browser).

export function exportWorkspaceFile(ws: Workspace): ReportFile {
  const today = new Date().toISOString().slice(0, 10);
  return writeOutput(serializeWorkspace(ws), `boucle-workspace-${today}.json`, { force: false, dataDir: ws.dataDir });
}
