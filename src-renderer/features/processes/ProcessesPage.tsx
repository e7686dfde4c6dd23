import { useApp } from '../../stores';
import { ProcessDetail } from './process-detail';
import { ProcessList } from './process-list';

/** `#/processes` lists the processes; `#/processes/<id>` opens one. */
export default function ProcessesPage() {
  const processId = useApp((s) => s.route.params[0]);
  return processId ? <ProcessDetail key={processId} processId={processId} /> : <ProcessList />;
}
