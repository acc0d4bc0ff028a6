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

/** The server's "I am shutting down, reconnect now" (server/src/modules/visits/sse.ts), with its spread-out delay. */
function reconnectDelay(data: string): number {
  try {
    const ms = (JSON.parse(data) as { retryMs?: unknown }).retryMs;
    if (typeof ms === 'number' && ms >= 0 && ms <= 5_000) return ms;
  } catch {
    // fall through to the default
  }
  return Math.round(250 + Math.random() * 1_000);
}

/**
 * Listens to the named events of the stream at `url` (`null`: no stream) and reports the connection
 * state. EventSource reconnects by itself after a dropped connection; when it gives up (an HTTP error,
 * or the server gone for good) a fresh EventSource is opened after a growing delay. A `reconnect`
 * event (the server is shutting down) opens a fresh stream after the short delay it names, which the
 * load balancer sends to another server. The server sends the current state on every connect, so
 * nothing is lost in between.
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
      es.addEventListener('reconnect', (event: MessageEvent<string>) => {
        if (stopped) return;
        es.close();
        setStatus('reconnecting');
        attempt = 0;
        timer = setTimeout(connect, reconnectDelay(event.data));
      });
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
