import { useEffect, useRef, useState } from 'react';
import type { ReportBuildInput, ReportJob } from '@shared/reports/schemas';
import { api } from '../../api/client';

// A report build as the UI follows it: start, poll reports.jobs.get for the progress bar, cancel.
export function useReportJob() {
  const [job, setJob] = useState<ReportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stop = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);
  const start = async (input: ReportBuildInput) => {
    setError(null);
    setJob(null);
    try {
      const { jobId } = await api.call('reports.build', input);
      const poll = async () => {
        const j = await api.call('reports.jobs.get', { jobId });
        setJob(j);
        if (j.phase === 'done' || j.phase === 'failed' || j.phase === 'cancelled') stop();
      };
      await poll();
      stop();
      timer.current = setInterval(() => void poll().catch((e: unknown) => setError(String(e))), 300);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const cancel = async () => {
    if (!job) return;
    stop();
    setJob(await api.call('reports.jobs.cancel', { jobId: job.id }));
  };
  return { job, error, start, cancel, reset: () => { stop(); setJob(null); setError(null); } };
}
