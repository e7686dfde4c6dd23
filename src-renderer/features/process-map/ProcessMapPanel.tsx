// Temporary: the swimlane map of one process (issue 3). Replaced by the process-map feature.
export interface ProcessMapPanelProps {
  processId: string;
}
export default function ProcessMapPanel(_props: ProcessMapPanelProps) {
  return null;
}
