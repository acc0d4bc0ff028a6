// Server-sent events over Fastify's raw response: headers that keep proxies from buffering, a
// heartbeat so idle connections survive, clean-up when the client goes away, and a `reconnect` event
// when this server shuts down (http/lifecycle.ts), which the web app's streams answer by reconnecting
// at once (web/src/pages/visits/use-event-stream.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SseStream {
  send(event: string, data: unknown): void;
}

const HEARTBEAT_MS = 15_000;
/** On shutdown, clients retry after 0.25–1.25 s: soon, but not all in the same instant. */
const RECONNECT_MIN_MS = 250;
const RECONNECT_SPREAD_MS = 1_000;

export function openSse(req: FastifyRequest, reply: FastifyReply, onClose: () => void): SseStream {
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // Tell EventSource to retry quickly after a drop (the default is about 3 s anyway).
  reply.raw.write('retry: 2000\n\n');
  let ended = false;
  const write = (chunk: string) => {
    if (!ended && !reply.raw.writableEnded) reply.raw.write(chunk);
  };
  const heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
  let forget = () => {};
  const closed = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    forget();
    onClose();
  };
  forget = req.server.deps.lifecycle?.track(() => {
    // `retry` also speeds up a client that does not know the event: EventSource reconnects after it.
    const retry = RECONNECT_MIN_MS + Math.floor(Math.random() * RECONNECT_SPREAD_MS);
    write(`retry: ${retry}\nevent: reconnect\ndata: ${JSON.stringify({ reason: 'draining', retryMs: retry })}\n\n`);
    closed();
    reply.raw.end();
  }) ?? forget;
  req.raw.on('close', closed);
  reply.raw.on('close', closed);
  return {
    send(event, data) {
      write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
  };
}
