// React hook for GET requests: loading/error/data state, stale answers dropped, reference lists cached.
import { useEffect, useState } from 'react';
import { api, ApiError } from './api.ts';

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

/** Fetches `path` (relative to /api/v1) whenever it changes; `null` means "nothing to fetch yet". */
export function useApiData<T>(
  path: string | null,
  options: { cached?: boolean; keepPrevious?: boolean } = {},
): ApiData<T> {
  const cached = options.cached ?? false;
  const keepPrevious = options.keepPrevious ?? false;
  const [state, setState] = useState<ApiData<T> & { path: string | null }>({
    data: undefined,
    error: undefined,
    loading: path !== null,
    path,
  });

  useEffect(() => {
    if (path === null) {
      setState({ data: undefined, error: undefined, loading: false, path });
      return;
    }
    let current = true;
    setState((s) => ({ data: keepPrevious ? s.data : undefined, error: undefined, loading: true, path }));
    load<T>(path, cached).then(
      (data) => current && setState({ data, error: undefined, loading: false, path }),
      (error: unknown) =>
        current &&
        setState({
          data: undefined,
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
          path,
        }),
    );
    return () => {
      current = false;
    };
  }, [path, cached, keepPrevious]);

  // Until the effect has run for a new path, report loading; the previous path's data is returned only
  // when asked for (a list being refined keeps its place instead of flashing empty).
  if (state.path !== path) {
    return { data: keepPrevious ? state.data : undefined, error: undefined, loading: path !== null };
  }
  return { data: state.data, error: state.error, loading: state.loading };
}
