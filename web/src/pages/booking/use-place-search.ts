// The place box of the booking flow: the finder's /search limited to towns and municipalities, and the
// browser's position, as the finder page does it.
import { useEffect, useState } from 'react';
import type { Municipality, SearchHit } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';

export interface Place {
  lat: number;
  lon: number;
  /** Null for "my position". */
  name: string | null;
}

const DEBOUNCE_MS = 250;

/** Town and municipality hits for a typed text (two letters or more); `failed` when the search broke. */
export function usePlaceHits(text: string): { hits: SearchHit[]; failed: boolean; searching: boolean } {
  const q = text.trim();
  const [result, setResult] = useState<{ q: string; hits: SearchHit[]; failed: boolean } | null>(null);
  useEffect(() => {
    if (q.length < 2) return;
    let current = true;
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ q, limit: '8', kinds: 'locality,municipality' });
      api.get<SearchHit[]>(`/search?${params.toString()}`).then(
        (hits) => current && setResult({ q, hits, failed: false }),
        () => current && setResult({ q, hits: [], failed: true }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q]);
  if (q.length < 2) return { hits: [], failed: false, searching: false };
  if (result?.q !== q) return { hits: [], failed: false, searching: true };
  return { hits: result.hits, failed: result.failed, searching: false };
}

/** A hit's coordinates; a municipality without them gets its seat from the reference list. */
export async function placeOfHit(hit: SearchHit): Promise<Place | null> {
  if (hit.lat !== null && hit.lon !== null) return { lat: hit.lat, lon: hit.lon, name: hit.label };
  const all = await api.get<Municipality[]>('/municipalities').catch(() => []);
  const m = all.find((x) => x.kommunkod === hit.id);
  return m ? { lat: m.lat, lon: m.lon, name: hit.label } : null;
}

export type GeoStatus = 'idle' | 'locating' | 'denied' | 'unavailable';

/** Asks the browser for the visitor's position once. */
export function locate(onPlace: (place: Place) => void, onStatus: (status: GeoStatus) => void): void {
  if (!('geolocation' in navigator)) {
    onStatus('unavailable');
    return;
  }
  onStatus('locating');
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      onStatus('idle');
      onPlace({ lat: pos.coords.latitude, lon: pos.coords.longitude, name: null });
    },
    (err) => onStatus(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable'),
    { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
  );
}
