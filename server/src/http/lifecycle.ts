// Draining for a graceful shutdown (main.ts on SIGTERM, or app.close()): readiness turns false, new
// requests are refused with `unavailable`/`draining` and `Connection: close`, and every open live stream
// is told to reconnect (to another server, as the load balancer decides) and ended, because a hijacked
// stream would otherwise hold the HTTP server open for ever. Requests already in flight are answered.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';

export class Lifecycle {
  private isDraining = false;
  /** Each open live stream's "reconnect elsewhere, then end". */
  private readonly streams = new Set<() => void>();

  get draining(): boolean {
    return this.isDraining;
  }

  /** Registers an open stream; returns its removal. A stream opened while draining is sent away at once. */
  track(reconnect: () => void): () => void {
    if (this.isDraining) {
      reconnect();
      return () => {};
    }
    this.streams.add(reconnect);
    return () => this.streams.delete(reconnect);
  }

  /** Starts draining and sends every open stream away; returns how many there were. */
  drain(): number {
    this.isDraining = true;
    const open = [...this.streams];
    this.streams.clear();
    for (const reconnect of open) reconnect();
    return open.length;
  }
}

/** Refuses new work while draining (health routes still answer: readiness says why it is not ready). */
export function installDrainHooks(app: FastifyInstance, lifecycle: Lifecycle): void {
  app.addHook('onRequest', async (req) => {
    if (!lifecycle.draining || req.routeOptions.config.action === 'system.health') return;
    throw new AppError('unavailable', 'This server is shutting down; try again', { reason: 'draining' });
  });
  // Keep-alive connections are closed after their answer, so the server can stop and clients reconnect elsewhere.
  app.addHook('onSend', async (_req, reply) => {
    if (lifecycle.draining) reply.header('connection', 'close');
  });
  app.addHook('preClose', (done) => {
    lifecycle.drain();
    done();
  });
}
