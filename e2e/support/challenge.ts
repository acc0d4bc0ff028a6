// The booking form's proof of work for a spec that books through the API (decision 0013): fetch a
// challenge and solve it with altcha-lib, as the widget does in the browser.
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { BookingChallenge } from '../../contracts/abuse.ts';

export async function solvedChallenge(appUrl: string): Promise<string> {
  const challenge = (await (await fetch(`${appUrl}/api/v1/bookings/challenge`)).json()) as BookingChallenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
