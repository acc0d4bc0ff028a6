// Live updates of the visit flow: services publish after commit, SSE streams subscribe per office or
// per ticket. In-process for now: with several app servers on PostgreSQL this becomes LISTEN/NOTIFY
// (docs/operations.md), behind the same two functions.
import { EventEmitter } from 'node:events';

export interface CallEvent {
  ticketId: string;
  number: string;
  counterName: string;
  at: string;
  recall: boolean;
}

export type VisitBusEvent =
  | { type: 'call'; officeId: string; call: CallEvent }
  | { type: 'changed'; officeId: string; ticketId: string };

export class VisitBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open display board or ticket page; hundreds are normal.
    this.emitter.setMaxListeners(0);
  }

  publish(event: VisitBusEvent): void {
    this.emitter.emit(`office:${event.officeId}`, event);
    this.emitter.emit('any', event);
  }

  /** Every event of every office: for background work such as SMS notifications. */
  subscribeAll(listener: (event: VisitBusEvent) => void): () => void {
    this.emitter.on('any', listener);
    return () => this.emitter.off('any', listener);
  }

  subscribe(officeId: string, listener: (event: VisitBusEvent) => void): () => void {
    const key = `office:${officeId}`;
    this.emitter.on(key, listener);
    return () => this.emitter.off(key, listener);
  }
}
