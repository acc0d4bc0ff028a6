// The day summary, kept current: re-fetched when the office's event stream reports a call or a change
// (at most once per 2 s, however busy the office), and polled slowly as a fallback and so that
// "longest wait now" keeps growing between events.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OfficeDay } from '../../../../contracts/visits.ts';
import { ApiError, api } from '../../lib/api.ts';
import { useEventStream, type StreamStatus } from './use-event-stream.ts';

/** At most one fetch per this interval: the SSE stream sends an event for every ticket and call. */
export const MIN_REFRESH_MS = 2_000;
const POLL_LIVE_MS = 60_000;
const POLL_OFFLINE_MS = 15_000;

export interface DayFeed {
  day: OfficeDay | undefined;
  error: unknown;
  stream: StreamStatus | 'off';
}

/** `date` null means today (the server's clock decides what today is). */
export function useDayFeed(officeId: string, date: string | null, enabled: boolean): DayFeed {
  const path = `/offices/${encodeURIComponent(officeId)}/day${date ? `?date=${date}` : ''}`;
  const [result, setResult] = useState<{ path: string; day?: OfficeDay; error?: unknown }>({ path: '' });
  const lastFetch = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const currentPath = useRef(path);

  const fetchNow = useCallback(() => {
    lastFetch.current = Date.now();
    api.get<OfficeDay>(path).then(
      // An answer for a day no longer shown is dropped.
      (day) => currentPath.current === path && setResult({ path, day }),
      (error: unknown) => currentPath.current === path && setResult((r) => ({ path, day: r.path === path ? r.day : undefined, error })),
    );
  }, [path]);

  // Throttle with a trailing fetch: the last event of a burst is always reflected, within 2 s.
  const refresh = useCallback(() => {
    const wait = lastFetch.current + MIN_REFRESH_MS - Date.now();
    if (wait <= 0) {
      fetchNow();
      return;
    }
    pending.current ??= setTimeout(() => {
      pending.current = undefined;
      fetchNow();
    }, wait);
  }, [fetchNow]);

  useEffect(() => {
    currentPath.current = path;
    lastFetch.current = 0;
    return () => {
      clearTimeout(pending.current);
      pending.current = undefined;
    };
  }, [path]);

  const shown = result.path === path ? result : { path, day: undefined, error: undefined };
  // Only today's figures move; another day's are fetched once.
  const live = enabled && shown.day?.live === true;
  const stream = useEventStream(live ? `/api/v1/offices/${encodeURIComponent(officeId)}/events` : null, { call: refresh, queues: refresh });
  // A refusal (logged out, not allowed, no such office) does not go away by asking again.
  const refused = shown.error instanceof ApiError && shown.error.status < 500;
  const polling = enabled && !refused && (live || !shown.day);
  const interval = live && stream === 'open' ? POLL_LIVE_MS : POLL_OFFLINE_MS;
  // Keyed on `refresh`, which changes with the day shown: choosing another day fetches it at once.
  useEffect(() => {
    if (!polling) return;
    refresh();
    const timer = setInterval(refresh, interval);
    return () => clearInterval(timer);
  }, [refresh, interval, polling]);

  return { day: shown.day, error: shown.error, stream: live ? stream : 'off' };
}
