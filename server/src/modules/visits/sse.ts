// Server-sent events over Fastify's raw response: headers that keep proxies from buffering, a
// heartbeat so idle connections survive, and clean-up when the client goes away.
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SseStream {
  send(event: string, data: unknown): void;
}

const HEARTBEAT_MS = 15_000;

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
  const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  req.raw.on('close', () => {
    clearInterval(heartbeat);
    onClose();
  });
  return {
    send(event, data) {
      reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
  };
}
