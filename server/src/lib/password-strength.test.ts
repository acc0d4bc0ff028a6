// The password strength check: what it refuses, what it lets through, and how it says why.
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { assertStrongPassword, MIN_PASSWORD_SCORE, passwordFeedback } from './password-strength.ts';

const anna = { username: 'anna.svensson', displayName: 'Anna Svensson' };

function refusal(password: string, person = anna): AppError {
  try {
    assertStrongPassword(password, person);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`${password} was accepted`);
}

describe('password strength', () => {
  it('refuses common passwords, with zxcvbn\'s feedback as keys and in the message', () => {
    for (const pw of ['1234567890', 'password12', 'qwertyuiop', 'Sommar2024', 'Lösenord123', 'losenord2026', 'samservice2026']) {
      const err = refusal(pw);
      expect(err.code, pw).toBe('validation_failed');
      expect(err.field).toBe('password');
      expect(err.details).toMatchObject({ reason: 'weak_password' });
      expect((err.details as { score: number }).score).toBeLessThan(MIN_PASSWORD_SCORE);
    }
    const common = refusal('1234567890');
    expect(common.details).toMatchObject({ warning: 'topHundred', suggestions: ['anotherWord'] });
    expect(common.message).toBe('The password is too easy to guess. This is a frequently used password. Add more words that are less common.');
  });

  it('refuses passwords built on the username or the name', () => {
    for (const pw of ['anna.svensson', 'anna.svensson1', 'Svensson2026!', 'annasvensson', 'Anna-Svensson-7']) {
      expect(refusal(pw).details, pw).toMatchObject({ reason: 'weak_password' });
    }
    expect(refusal('anna.svensson').details).toMatchObject({ warning: 'userInputs' });
    // zxcvbn alone would call this strong (three pieces); holding the whole name refuses it.
    expect(refusal('Anna-Svensson-7').details).toMatchObject({ warning: 'userInputs', suggestions: ['anotherWord'] });
    // The same password is fine for someone else.
    expect(() => assertStrongPassword('Svensson-kanot-92', { username: 'bo.ek', displayName: 'Bo Ek' })).not.toThrow();
  });

  it('accepts long unrelated words and the test suites\' passwords', () => {
    for (const pw of ['blå-kanot-vinter-92', 'korv med mos och lingon', 'a-long-password', 'long-enough-password', 'officer-password']) {
      expect(() => assertStrongPassword(pw, anna), pw).not.toThrow();
    }
  });

  it('would refuse the demo password, which the demo seed sets directly', () => {
    expect(passwordFeedback('demo-password', { username: 'admin', displayName: 'Demo Administratör' }).score).toBeLessThan(MIN_PASSWORD_SCORE);
  });
});
