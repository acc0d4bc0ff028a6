// Test helper: reads a server-sent-events stream over a real socket with fetch, one named event at a
// time, each wait bounded by a timeout so a missing event fails the test instead of hanging it.

export interface SseReader {
  status: number;
  /** The data of the next event of this name (earlier events of other names are skipped). */
  next(event: string, timeoutMs?: number): Promise<unknown>;
  close(): Promise<void>;
}

export async function openStream(url: string, cookie?: string): Promise<SseReader> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, signal: abort.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';

  const take = (event: string): unknown => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end < 0) return undefined;
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n');
      if (!lines.includes(`event: ${event}`)) continue;
      const data = lines.find((l) => l.startsWith('data: '));
      return data ? JSON.parse(data.slice(6)) : null;
    }
  };

  const readChunk = (timeoutMs: number, event: string) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no "${event}" event from ${url} within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
  };

  return {
    status: res.status,
    async next(event, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = take(event);
        if (found !== undefined) return found;
        const chunk = await readChunk(Math.max(1, deadline - Date.now()), event);
        if (chunk.done) throw new Error(`${url} ended before a "${event}" event`);
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    async close() {
      await reader.cancel().catch(() => {});
      abort.abort();
    },
  };
}
