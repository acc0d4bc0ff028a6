// React hook for GET requests: loading/error/data state, stale answers dropped, reference lists cached.
import { useEffect, useState } from 'react';
import { api, type ApiError } from './api.ts';

export interface ApiData<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
}

// Reference lists (agencies, services, counties) rarely change and are needed on several pages:
// one request per page load is enough.
const cache = new Map<string, Promise<unknown>>();

function load<T>(path: string, cached: boolean): Promise<T> {
  if (!cached) return api.get<T>(path);
  let hit = cache.get(path) as Promise<T> | undefined;
  if (!hit) {
    hit = api.get<T>(path);
    cache.set(path, hit);
    hit.catch(() => cache.delete(path));
  }
  return hit;
}

interface Result<T> {
  path: string;
  data?: T;
  error?: Error;
}

/**
 * Fetches `path` (relative to /api/v1) whenever it changes; `null` means "nothing to fetch yet".
 * With `keepPrevious`, the last answer stays visible while the next one loads (a list being refined
 * keeps its place instead of flashing empty).
 */
export function useApiData<T>(
  path: string | null,
  options: { cached?: boolean; keepPrevious?: boolean } = {},
): ApiData<T> {
  const cached = options.cached ?? false;
  const [result, setResult] = useState<Result<T> | null>(null);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    load<T>(path, cached).then(
      (data) => current && setResult({ path, data }),
      (error: unknown) => current && setResult({ path, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [path, cached]);

  if (path === null) return { data: undefined, error: undefined, loading: false };
  if (result?.path === path) return { data: result.data, error: result.error, loading: false };
  return { data: options.keepPrevious ? result?.data : undefined, error: undefined, loading: true };
}
