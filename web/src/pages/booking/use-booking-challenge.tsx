// The booking form's proof of work (decision 0013): the ALTCHA widget, invisible, solves a challenge from
// the server in web workers as soon as it is on the page (the contact step), so the answer is usually ready
// before the visitor presses Book. Nothing to click or read; its texts are ours, in the visitor's language.
// The "external" build keeps the widget's styles and worker out of inline code, so a CSP of
// script-src 'self' and worker-src 'self' is enough: the worker is its own file (Vite's ?worker).
import { useCallback, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import 'altcha/external';
import 'altcha/altcha.css';
import type {} from 'altcha/types/react';
import Pbkdf2Worker from 'altcha/workers/pbkdf2?worker';

const ALGORITHM = 'PBKDF2/SHA-256';
if (!globalThis.$altcha.algorithms.has(ALGORITHM)) globalThis.$altcha.algorithms.set(ALGORITHM, () => new Pbkdf2Worker());

type Waiter = { resolve: (payload: string) => void; reject: (err: Error) => void };

export interface BookingChallenge {
  /** The hidden widget; render it while the visitor may book. */
  widget: ReactNode;
  /** A fresh solved challenge for one booking request (waits for the widget when it is still working). */
  proof: () => Promise<string>;
}

export function useBookingChallenge(): BookingChallenge {
  const { t, i18n } = useTranslation('booking');
  const ref = useRef<HTMLElementTagNameMap['altcha-widget']>(null);
  const payload = useRef<string | null>(null);
  const waiters = useRef<Waiter[]>([]);
  const language = i18n.language;

  // The widget's own words, from our translations (the external build carries none).
  globalThis.$altcha.i18n.set(language, t('challenge.widget', { returnObjects: true }) as Record<string, string>);

  // A callback ref: the widget mounts only from the contact step on, and may mount again after going back.
  const detach = useRef<(() => void) | null>(null);
  const attach = useCallback((el: HTMLElementTagNameMap['altcha-widget'] | null) => {
    detach.current?.();
    detach.current = null;
    ref.current = el;
    payload.current = null;
    if (!el) return;
    const onState = (event: Event) => {
      const detail = (event as CustomEvent<{ state: string; payload?: string | null }>).detail;
      if (detail.state === 'verified' && detail.payload) {
        payload.current = detail.payload;
        for (const w of waiters.current.splice(0)) w.resolve(detail.payload);
      } else if (detail.state === 'error') {
        payload.current = null;
        for (const w of waiters.current.splice(0)) w.reject(new Error('challenge'));
      } else if (detail.state === 'expired') {
        // Unused and expired: fetch and solve a new one quietly.
        payload.current = null;
        void el.verify?.();
      }
    };
    el.addEventListener('statechange', onState);
    detach.current = () => el.removeEventListener('statechange', onState);
  }, []);

  const proof = useCallback(() => {
    const el = ref.current;
    const ready = payload.current;
    if (ready) {
      // A solution is accepted once: the next request needs a new one.
      payload.current = null;
      el?.reset?.();
      return Promise.resolve(ready);
    }
    return new Promise<string>((resolve, reject) => {
      waiters.current.push({ resolve, reject });
      const state = el?.getState?.();
      if (el && state !== 'verifying') void el.verify?.();
      if (!el) reject(new Error('challenge'));
    }).then((p) => {
      payload.current = null;
      el?.reset?.();
      return p;
    });
  }, []);

  const widget = (
    <altcha-widget ref={attach} challenge="/api/v1/bookings/challenge" auto="onload" display="invisible" language={language} name="altcha" />
  );
  return { widget, proof };
}
