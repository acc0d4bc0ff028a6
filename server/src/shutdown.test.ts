// Graceful shutdown of the real server process: with 5 live streams open and 20 requests in flight,
// SIGTERM sends every stream a `reconnect` event and ends it, stops taking connections, answers all 20
// requests in full (they need the database, so it is still open), and the process exits with 0.
//
// "In flight" is made certain, not timed: each request is sent with `Expect: 100-continue` and its body
// held back. Node answers `100 Continue` as it hands the request to the app, so once all 20 have that
// answer they are inside the server; their bodies are sent only after SIGTERM. The route is the admin's
// erasure preview: a read that counts rows, so answering it needs the database.
import { describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { databaseKinds } from './test/harness.ts';
import { reopenableDatabase } from './test/reopenable.ts';
import { spawnServer, waitReady, type SpawnedServer } from './test/spawn-server.ts';
import { openStream, type SseReader } from './test/sse-reader.ts';

const STREAMS = 5;
const IN_FLIGHT = 20;

interface RawResponse { status: number; headers: Record<string, string>; body: string }

/** A request whose body waits for `sendBody`, after the server has taken it (100 Continue). */
interface HeldRequest { accepted: Promise<void>; sendBody(): void; response: Promise<RawResponse> }

function heldRequest(server: SpawnedServer, path: string, cookie: string, body: string): HeldRequest {
  const socket: Socket = connect(server.port, '127.0.0.1');
  let buffer = '';
  let onAccepted!: () => void;
  const accepted = new Promise<void>((resolve) => (onAccepted = resolve));
  const response = new Promise<RawResponse>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      if (buffer.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) {
        buffer = buffer.slice('HTTP/1.1 100 Continue\r\n\r\n'.length);
        onAccepted();
      }
    });
    socket.on('end', () => {
      // The server closes the connection after its answer while draining (Connection: close).
      const head = buffer.slice(0, buffer.indexOf('\r\n\r\n'));
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const rest = buffer.slice(head.length + 4);
      const length = Number(headers['content-length']);
      if (!statusLine || Buffer.byteLength(rest) !== length) reject(new Error(`incomplete answer: ${JSON.stringify(buffer.slice(0, 300))}`));
      else resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest });
    });
  });
  // A failure is reported where the test awaits the answer, not as an unhandled rejection before that.
  response.catch(() => {});
  socket.write([
    `POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `Origin: ${server.url}`, `Cookie: ${cookie}`,
    'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, 'Expect: 100-continue', '', '',
  ].join('\r\n'));
  return { accepted, sendBody: () => socket.write(body), response };
}

/** Reads a stream to its end, which must come right after a `reconnect` event; resolves with that event's data. */
async function reconnectThenEnd(stream: SseReader): Promise<unknown> {
  const event = await stream.next('reconnect', 60_000);
  // The server ends the stream after the event: the next read finds the end, not another event.
  await expect(stream.next('reconnect', 60_000)).rejects.toThrow(/ended before/);
  return event;
}

/**
 * Polls until a new connection is refused: the server stopped listening. (Just before, a connection may
 * still be accepted and then closed unanswered as the server closes its idle connections.)
 */
async function untilRefused(url: string): Promise<void> {
  for (;;) {
    try {
      await fetch(`${url}/api/v1/health/live`, { headers: { connection: 'close' } });
    } catch (err) {
      if ((err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const kind of databaseKinds()) {
  describe(`graceful shutdown of the server process [${kind}]`, () => {
    it(`exits on SIGTERM with ${STREAMS} live streams open, after answering ${IN_FLIGHT} requests in flight`, async () => {
      const store = await reopenableDatabase(kind);
      // PGlite: the snapshot is unpacked into the directory first; the server then opens it.
      await (await store.open()).close();
      const server = await spawnServer(store.env);
      const streams: SseReader[] = [];
      try {
        await waitReady(server);
        const login = await fetch(`${server.url}/api/v1/auth/login`, {
          method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ username: 'admin', password: 'demo-password' }),
        });
        expect(login.status).toBe(200);
        const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
        const offices = await (await fetch(`${server.url}/api/v1/offices?tier=servicekontor`)).json() as Array<{ id: string }>;

        for (let i = 0; i < STREAMS; i++) {
          const stream = await openStream(`${server.url}/api/v1/offices/${offices[i % offices.length]!.id}/events`);
          expect(stream.status).toBe(200);
          await stream.next('queues', 60_000);
          streams.push(stream);
        }
        const body = JSON.stringify({ kind: 'phone', value: '+46701234567' });
        const held = Array.from({ length: IN_FLIGHT }, () => heldRequest(server, '/api/v1/privacy/erasures/preview', cookie, body));
        await Promise.all(held.map((h) => h.accepted));

        server.child.kill('SIGTERM');
        const events = await Promise.all(streams.map(reconnectThenEnd));
        for (const event of events) expect(event).toMatchObject({ reason: 'draining' });
        // No new connections, while the 20 are still waiting for their bodies.
        await untilRefused(server.url);

        for (const h of held) h.sendBody();
        const answers = await Promise.all(held.map((h) => h.response));
        for (const answer of answers) {
          expect(answer.status, answer.body).toBe(200);
          expect(JSON.parse(answer.body)).toMatchObject({ kind: 'phone', dryRun: true });
          expect(answer.headers.connection).toBe('close');
        }
        expect(await server.exited, server.output().slice(-3000)).toBe(0);
        expect(server.output()).toContain('"msg":"stopped"');
      } finally {
        await Promise.all(streams.map((s) => s.close()));
        if (server.child.exitCode === null) server.child.kill('SIGKILL');
        await server.exited;
        await store.remove();
      }
    }, 300_000);
  });
}
