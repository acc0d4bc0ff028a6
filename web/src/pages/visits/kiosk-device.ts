// The office's registered kiosk device (decision 0013): the token an office manager's setup link hands to
// the device (in the URL fragment, which never reaches a server), kept in localStorage per office and sent
// with tickets and check-ins, which then skip the per-address limit.
import { KIOSK_DEVICE_HEADER } from '../../../../contracts/abuse.ts';

const storageKey = (officeId: string) => `kioskDevice:${officeId}`;
const SETUP = /^#enhet=([A-Za-z0-9_-]{20,200})$/;

/** Takes a token from a setup link (#enhet=…) into storage and removes it from the address bar. */
export function adoptKioskSetupLink(officeId: string): void {
  const match = SETUP.exec(window.location.hash);
  if (!match) return;
  localStorage.setItem(storageKey(officeId), match[1]!);
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}

/** Stores a token registered on this very device (the manager pressed "Register this device"). */
export function storeKioskToken(officeId: string, token: string): void {
  localStorage.setItem(storageKey(officeId), token);
}

export function hasKioskToken(officeId: string): boolean {
  return localStorage.getItem(storageKey(officeId)) !== null;
}

/** The header for a ticket or check-in request: empty on a visitor's own phone. */
export function kioskHeaders(officeId: string): Record<string, string> {
  const token = localStorage.getItem(storageKey(officeId));
  return token ? { [KIOSK_DEVICE_HEADER]: token } : {};
}
