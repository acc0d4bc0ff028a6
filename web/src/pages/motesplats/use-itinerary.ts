// The household's itinerary by its link token, kept live over the itinerary's event stream.
import { useCallback, useState } from 'react';
import type { Itinerary } from '../../../../contracts/motesplats.ts';
import { ApiError, api } from '../../lib/api.ts';
import { itineraryPath, streamUrl } from './mp-paths.ts';
import { useLiveReload } from './use-live-reload.ts';

export type ItineraryState =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'error' }
  | { kind: 'ready'; itinerary: Itinerary; offline: boolean };

export function useItinerary(token: string): ItineraryState {
  const [itinerary, setItinerary] = useState<Itinerary>();
  const [failure, setFailure] = useState<'missing' | 'error'>();
  const reload = useCallback(() => {
    api.get<Itinerary>(itineraryPath(token)).then(
      (data) => {
        setItinerary(data);
        setFailure(undefined);
      },
      (err: unknown) => setFailure(err instanceof ApiError && (err.status === 404 || err.status === 400) ? 'missing' : 'error'),
    );
  }, [token]);
  const stream = useLiveReload(failure === 'missing' ? null : streamUrl(itineraryPath(token)), reload);
  if (failure === 'missing') return { kind: 'missing' };
  if (itinerary) return { kind: 'ready', itinerary, offline: stream === 'reconnecting' };
  return failure ? { kind: 'error' } : { kind: 'loading' };
}
