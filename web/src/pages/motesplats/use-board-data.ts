// A Mötesplats day as the coordinator's board reads it: the households, the plan in force (none before
// "Planera dagen") and the day's staffing, re-read live over the day's event stream.
import { useCallback, useState } from 'react';
import type { DayPlanView, DayResources, Household } from '../../../../contracts/motesplats.ts';
import { ApiError, api } from '../../lib/api.ts';
import type { StreamStatus } from '../visits/use-event-stream.ts';
import { dayPath, streamUrl } from './mp-paths.ts';
import { useLiveReload } from './use-live-reload.ts';

export interface BoardData {
  households: Household[];
  plan: DayPlanView | null;
  resources: DayResources;
}

/** A day without a plan answers 404: that is a state of the day, not a failure. */
const planOrNull = (path: string) =>
  api.get<DayPlanView>(path).catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  });

export function useBoardData(officeId: string, date: string, enabled: boolean) {
  const [data, setData] = useState<{ key: string; value: BoardData }>();
  const [error, setError] = useState<unknown>();
  const key = `${officeId}/${date}`;
  const reload = useCallback(() => {
    const base = dayPath(officeId, date);
    Promise.all([api.get<Household[]>(`${base}/households`), planOrNull(`${base}/plan`), api.get<DayResources>(`${base}/resources`)]).then(
      ([households, plan, resources]) => {
        setData({ key, value: { households, plan, resources } });
        setError(undefined);
      },
      setError,
    );
  }, [officeId, date, key]);
  const stream: StreamStatus = useLiveReload(enabled ? streamUrl(dayPath(officeId, date)) : null, reload);
  /** Answers of a mutation carry the new plan: show it at once, the stream's reload follows. */
  const showPlan = useCallback((plan: DayPlanView) => setData((d) => (d ? { key: d.key, value: { ...d.value, plan } } : d)), []);
  return { data: data?.key === key ? data.value : undefined, error, stream, reload, showPlan };
}
