// The 46elks adapter against a local fake of its API (node:http on 127.0.0.1): the request it makes,
// and how each kind of failure is reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ElksSmsSender } from './elks.ts';

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  form: Record<string, string>;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
/** What the fake answers next; set by each test. */
let answer: (res: ServerResponse) => void = (res) => res.end();

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, form: Object.fromEntries(new URLSearchParams(raw)) });
      answer(res);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/a1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const sender = (timeoutMs = 2_000) => new ElksSmsSender({ url: base, user: 'u123', password: 'secret-pw', from: 'Samservice', timeoutMs });
const message = { to: '+46701234567', text: 'Samservice: Du är näst på tur (A012). Gå till väntrummet.' };
const json = (status: number, body: unknown) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const text = (status: number, body: string) => (res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(body);
};

describe('46elks SMS adapter', () => {
  it('posts the form with basic auth and returns the message id', async () => {
    answer = json(200, { id: 's70df59406a1b4643b96f3f91e0bfb7b0', status: 'created', to: message.to, from: 'Samservice', parts: 1 });
    const result = await sender().send(message);
    expect(result).toEqual({ id: 's70df59406a1b4643b96f3f91e0bfb7b0' });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: '/a1/sms', form: { from: 'Samservice', to: message.to, message: message.text } });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('u123:secret-pw').toString('base64')}`);
  });

  it('reports wrong credentials without repeating them', async () => {
    answer = text(401, 'API access forbidden');
    const err = await sender().send(message).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'upstream_error', status: 502, details: { reason: 'sms_unauthorized', provider: '46elks', status: 401 } });
    expect(String((err as Error).message)).not.toContain('secret-pw');
  });

  it('reports a refused message with what 46elks said', async () => {
    answer = text(400, 'Invalid to number');
    await expect(sender().send(message)).rejects.toMatchObject({ code: 'upstream_error', message: expect.stringContaining('Invalid to number'), details: { reason: 'sms_rejected', status: 400 } });
    answer = json(200, { id: 'x', status: 'failed' });
    await expect(sender().send(message)).rejects.toMatchObject({ details: { reason: 'sms_rejected' } });
  });

  it('reports a failing or confused provider', async () => {
    answer = text(503, 'Service Unavailable');
    await expect(sender().send(message)).rejects.toMatchObject({ details: { reason: 'sms_provider_error', status: 503 } });
    answer = text(200, '<html>maintenance</html>');
    await expect(sender().send(message)).rejects.toMatchObject({ details: { reason: 'sms_provider_error' } });
    answer = json(200, { status: 'created' });
    await expect(sender().send(message)).rejects.toMatchObject({ details: { reason: 'sms_provider_error' } });
  });

  it('gives up after the timeout when the provider does not answer', async () => {
    answer = () => {}; // never answers: without the 200 ms timeout this would hang until the test's own limit
    await expect(sender(200).send(message)).rejects.toMatchObject({ code: 'upstream_error', details: { reason: 'sms_timeout' } });
  });

  it('reports a provider it cannot reach', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const unreachable = new ElksSmsSender({ url: `http://127.0.0.1:${port}/a1`, user: 'u', password: 'p', from: 'Samservice', timeoutMs: 2_000 });
    await expect(unreachable.send(message)).rejects.toMatchObject({ code: 'upstream_error', details: { reason: 'sms_unreachable' } });
  });
});
