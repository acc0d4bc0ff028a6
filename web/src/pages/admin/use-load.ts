// Loads one API resource for an admin page; a reload keeps showing the old data until the new arrives.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../lib/api.ts';

interface Loaded<T> {
  path: string;
  key: string;
  data?: T;
  error?: unknown;
}

export interface Load<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** `path` null means "nothing to load yet" (e.g. a create form has no record). */
export function useLoad<T>(path: string | null): Load<T> {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<Loaded<T> | null>(null);
  const key = `${path ?? ''}#${version}`;
  useEffect(() => {
    if (path === null) return;
    let live = true;
    api.get<T>(path).then(
      (data) => live && setState({ path, key, data }),
      (error: unknown) => live && setState({ path, key, error }),
    );
    return () => {
      live = false;
    };
  }, [path, key]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const same = state !== null && state.path === path;
  return {
    data: same ? state.data : undefined,
    error: same && state.key === key ? state.error : undefined,
    loading: path !== null && (!same || state.key !== key),
    reload,
  };
}
