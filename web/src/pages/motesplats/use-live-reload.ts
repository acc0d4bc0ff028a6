// Keeps a page's data fresh: re-reads on every `changed` server-sent event and, while the stream is not
// open (first connect, a proxy that drops it), every 10 s instead. The events carry ids only, so the
// page always re-reads what it shows rather than patching it.
import { useCallback, useRef } from 'react';
import { useEventStream, type StreamStatus } from '../visits/use-event-stream.ts';
import { usePolling } from '../visits/use-polling.ts';

const POLL_MS = 10_000;
/** Several changes in a burst (a plan and its statuses) cost one reload. */
const SETTLE_MS = 300;

export function useLiveReload(streamUrl: string | null, reload: () => void): StreamStatus {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onChanged = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(reload, SETTLE_MS);
  }, [reload]);
  // `ready` comes on every (re)connect: whatever changed while disconnected is read then.
  const status = useEventStream(streamUrl, { changed: onChanged, ready: onChanged });
  usePolling(reload, POLL_MS, streamUrl !== null && status !== 'open');
  return status;
}
