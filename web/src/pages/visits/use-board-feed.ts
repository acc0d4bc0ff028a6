// Live data of the display board: calls and queues from the office's event stream, fetched while it is down.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Call, OfficeQueue } from '../../../../contracts/visits.ts';
import { api } from '../../lib/api.ts';
import { addCall, BOARD_CALLS, callKey } from './call-list.ts';
import { useEventStream, type StreamStatus } from './use-event-stream.ts';
import { usePolling } from './use-polling.ts';

const POLL_WHILE_OFFLINE_MS = 10_000;

export interface BoardFeed {
  calls: Call[];
  queues: OfficeQueue[];
  stream: StreamStatus;
}

/**
 * `onNewCall` runs for calls made while the board is watching: not for the calls already on the
 * board when it starts, nor for those the stream sends again after a reconnect.
 */
export function useBoardFeed(officeId: string, onNewCall: (call: Call) => void): BoardFeed {
  const [calls, setCalls] = useState<Call[]>([]);
  const [queues, setQueues] = useState<OfficeQueue[]>([]);
  const [started, setStarted] = useState(false);
  const callsRef = useRef<Call[]>([]);
  const seen = useRef(new Set<string>());
  const startedRef = useRef(false);
  const onNewRef = useRef(onNewCall);
  useEffect(() => {
    onNewRef.current = onNewCall;
  });

  const take = useCallback((incoming: Call[], announce: boolean) => {
    let list = callsRef.current;
    const fresh: Call[] = [];
    for (const call of incoming) {
      if (seen.current.has(callKey(call))) continue;
      seen.current.add(callKey(call));
      const result = addCall(list, call);
      list = result.list;
      if (result.added) fresh.push(call);
    }
    callsRef.current = list;
    setCalls(list);
    if (announce) fresh.forEach((c) => onNewRef.current(c));
  }, []);

  const path = `/offices/${encodeURIComponent(officeId)}`;
  const stream = useEventStream(`/api/v1${path}/events`, {
    call: (data) => take([data as Call], startedRef.current),
    queues: (data) => setQueues(data as OfficeQueue[]),
  });

  // The first fetch sets what is already on the board; later ones stand in for the stream while it is down.
  const poll = useCallback(() => {
    const first = !startedRef.current;
    api.get<Call[]>(`${path}/calls?limit=${BOARD_CALLS}`).then(
      (list) => take([...list].reverse(), !first),
      () => undefined,
    ).finally(() => {
      startedRef.current = true;
      setStarted(true);
    });
    api.get<OfficeQueue[]>(`${path}/queues`).then(setQueues, () => undefined);
  }, [path, take]);
  usePolling(poll, POLL_WHILE_OFFLINE_MS, stream !== 'open' || !started);

  return { calls, queues, stream };
}
