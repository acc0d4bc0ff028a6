// The booking form's proof of work (ALTCHA, decision 0013): the server hands out signed challenges, the
// visitor's browser solves one in a web worker while the form is filled in, and a public booking carries
// the solution. Each solution is accepted once: its challenge's signature is recorded until it expires.
import { createHmac } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Db } from '../../db/client.ts';
import { usedChallenges } from '../../db/schema.ts';
import type { ChallengeConfig } from '../../config-abuse.ts';
import { AppError } from '../../lib/errors.ts';
import type { BookingChallenge as SignedChallenge } from '../../../../contracts/abuse.ts';

/** The widget's default, derived with WebCrypto in its workers; PBKDF2 keeps a GPU's edge modest. */
const ALGORITHM = 'PBKDF2/SHA-256';
/** PBKDF2 rounds per attempt: the work is this times the secret counter (config `work`). */
const COST = 200;
/**
 * Long enough to fill in the contact details. The expiry travels in the signed `data`, not as ALTCHA's
 * `expiresAt`: the widget would time that against the browser's clock, which may be wrong; the server's
 * clock decides, and the booking form asks for a fresh solution when it hears `expired`.
 */
const LIFETIME_MS = 20 * 60_000;

/** Records of expired challenges are deleted after this many accepted solutions in a process. */
const SWEEP_EVERY = 100;

export type ChallengeProblem = 'malformed' | 'expired' | 'invalid' | 'used';

export interface BookingChallenge {
  create(): Promise<SignedChallenge>;
  /** Throws `validation_failed` (field `altcha`) with reason `challenge_required` or `challenge_failed`. */
  verify(payload: string | undefined): Promise<void>;
  /** Deletes the records of challenges that have expired anyway. */
  sweep(): Promise<number>;
}

const failed = (problem: ChallengeProblem) =>
  new AppError('validation_failed', 'The automatic check of the booking form failed; reload the page and try again', {
    field: 'altcha', reason: 'challenge_failed', details: { problem },
  });

function parsePayload(payload: string): { challenge: Challenge; solution: { counter: number; derivedKey: string } } | null {
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as unknown;
    const p = parsed as { challenge?: { parameters?: unknown; signature?: unknown }; solution?: unknown };
    if (typeof p?.challenge?.parameters !== 'object' || p.challenge.parameters === null) return null;
    if (typeof p.challenge.signature !== 'string' || typeof p.solution !== 'object' || p.solution === null) return null;
    return parsed as ReturnType<typeof parsePayload>;
  } catch {
    return null;
  }
}

export function createBookingChallenge(db: Db, config: ChallengeConfig): BookingChallenge {
  const hmacSignatureSecret = config.hmacKey;
  // The derived key's signature lets verification skip the key derivation; its secret follows from the one key.
  const hmacKeySignatureSecret = createHmac('sha256', config.hmacKey).update('altcha-key-signature').digest('hex');
  const low = Math.max(1, Math.floor(config.work / 2));
  let accepted = 0;
  const sweep = async () => {
    const gone = await db.delete(usedChallenges).where(lt(usedChallenges.expiresAt, new Date())).returning({ s: usedChallenges.signature });
    return gone.length;
  };

  return {
    // Signed (a secret is given), so the signature is always there.
    create: async () => (await createChallenge({
      algorithm: ALGORITHM, cost: COST, counter: randomInt(config.work, low), deriveKey,
      hmacSignatureSecret, hmacKeySignatureSecret, data: { expires: Math.floor((Date.now() + LIFETIME_MS) / 1000) },
    })) as SignedChallenge,

    async verify(payload) {
      if (!payload) {
        throw new AppError('validation_failed', 'The booking form sends an automatic check; reload the page and try again', { field: 'altcha', reason: 'challenge_required' });
      }
      const parsed = parsePayload(payload);
      const expires = parsed?.challenge.parameters.data?.expires;
      if (!parsed || typeof expires !== 'number') throw failed('malformed');
      let result;
      try {
        result = await verifySolution({ challenge: parsed.challenge, solution: parsed.solution, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret });
      } catch {
        throw failed('malformed');
      }
      // Signature first: only then is `expires` the server's own word.
      if (!result.verified) throw failed('invalid');
      if (expires * 1000 < Date.now()) throw failed('expired');
      // The insert is the check: of two requests with one solution (on any instance) only one adds the row.
      const added = await db.insert(usedChallenges)
        .values({ signature: parsed.challenge.signature!, expiresAt: new Date(expires * 1000) })
        .onConflictDoNothing()
        .returning({ signature: usedChallenges.signature });
      if (added.length === 0) throw failed('used');
      if (++accepted % SWEEP_EVERY === 0) void sweep().catch(() => undefined); // the next sweep tries again
    },

    sweep,
  };
}
