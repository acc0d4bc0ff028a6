// A display board follows its stream to another server when its own shuts down: behind a stand-in load
// balancer (a proxy that sends new connections to server B once A drains), server A drains as on SIGTERM,
// its stream sends `reconnect` and ends, and the board opens its stream again, now on B, and shows no
// lost connection. (Each server has its own copy of the seeded database; the board only needs the stream.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import type { OfficeSummary } from '../contracts/registry.ts';
import { launchBrowser, openPage } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';

const OPEN_AT = Date.parse('2026-12-01T10:00:00Z');

let a: RunningApp;
let b: RunningApp;
let browser: Browser;
let proxy: Server;
let proxyUrl = '';
let target: RunningApp;
/** The streams each server opened (counted when its answer starts: the server tracks the stream by then). */
const streams = new Map<string, number>();

beforeAll(async () => {
  const startedAt = Date.now();
  const clock = () => new Date(OPEN_AT + (Date.now() - startedAt));
  [a, b] = await Promise.all([startApp({ clock }), startApp({ clock })]);
  target = a;
  proxy = createServer((req, res) => {
    const server = target;
    const forward = request(new URL(req.url!, server.url), { method: req.method, headers: req.headers }, (answer) => {
      if (req.url!.endsWith('/events') && answer.statusCode === 200) streams.set(server.url, (streams.get(server.url) ?? 0) + 1);
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  proxy?.closeAllConnections();
  await new Promise((r) => proxy?.close(r));
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('a live page when its server shuts down', () => {
  it('reconnects its stream through the load balancer to another server', async () => {
    const offices = (await (await fetch(`${a.url}/api/v1/offices?tier=servicekontor`)).json()) as OfficeSummary[];
    const office = offices.find((o) => o.name.includes('Växjö'))!;
    const board = await openPage(browser);
    await board.goto(`${proxyUrl}/kontor/${office.id}/skarm`);
    await board.locator('.board-empty').first().waitFor();
    await expect.poll(() => streams.get(a.url) ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(streams.get(b.url) ?? 0).toBe(0);

    // The load balancer takes A out (its readiness now fails), and A drains.
    target = b;
    expect(a.drain()).toBeGreaterThan(0);
    await expect.poll(() => streams.get(b.url) ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => board.locator('.board-connection').textContent(), { timeout: 15_000 }).toBe('');
    await board.context().close();
  });
});
