// Server-Sent Events with recovery: the browser's own retry first, then a new EventSource with backoff.
import { useEffect, useRef, useState } from 'react';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting';

type Handlers = Record<string, (data: unknown) => void>;

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** Delay before attempt n (0-based): doubling up to the cap, with jitter so many screens do not retry in step. */
function backoff(attempt: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * Listens to the named events of the stream at `url` (`null`: no stream) and reports the connection
 * state. EventSource reconnects by itself after a dropped connection; when it gives up (an HTTP error,
 * or the server gone for good) a fresh EventSource is opened after a growing delay. The server sends
 * the current state on every connect, so nothing is lost in between.
 */
export function useEventStream(url: string | null, handlers: Handlers): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });
  const names = Object.keys(handlers).sort().join(',');

  useEffect(() => {
    if (url === null) return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;

    const connect = () => {
      const es = new EventSource(url);
      source = es;
      es.onopen = () => {
        attempt = 0;
        setStatus('open');
      };
      es.onerror = () => {
        if (stopped) return;
        setStatus('reconnecting');
        if (es.readyState !== EventSource.CLOSED) return;
        es.close();
        timer = setTimeout(connect, backoff(attempt));
        attempt += 1;
      };
      for (const name of names.split(',').filter(Boolean)) {
        es.addEventListener(name, (event: MessageEvent<string>) => {
          let data: unknown;
          try {
            data = JSON.parse(event.data);
          } catch {
            return;
          }
          handlersRef.current[name]?.(data);
        });
      }
    };
    connect();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(timer);
    };
  }, [url, names]);

  return url === null ? 'connecting' : status;
}
