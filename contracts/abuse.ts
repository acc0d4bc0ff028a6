// Schemas of the public routes' abuse defences (decision 0013): kiosk devices registered by an office's
// manager, and the booking form's proof-of-work challenge (ALTCHA).
import { Type, type Static } from 'typebox';
import { Id } from './registry.ts';

/** The header a registered kiosk sends its device token in (tickets and check-ins skip the per-address limit). */
export const KIOSK_DEVICE_HEADER = 'x-kiosk-device';

export const KioskDevice = Type.Object({
  id: Id,
  officeId: Id,
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type KioskDevice = Static<typeof KioskDevice>;

export const KioskDeviceInput = Type.Object({
  /** What staff call the device, e.g. "Surfplattan vid entrén". */
  name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
}, { additionalProperties: false });
export type KioskDeviceInput = Static<typeof KioskDeviceInput>;

/** The answer to registering: the token is shown this once (only its hash is kept). */
export const RegisteredKioskDevice = Type.Object({
  device: KioskDevice,
  token: Type.String(),
  /** Opened on the device, the kiosk page stores the token (it travels in the fragment, never to a server log). */
  setupPath: Type.String(),
});
export type RegisteredKioskDevice = Static<typeof RegisteredKioskDevice>;

export const KioskDeviceParams = Type.Object({ id: Id, deviceId: Id });

/** An ALTCHA challenge as the `altcha` widget takes it (altcha-lib's v2 format). */
export const BookingChallenge = Type.Object({
  parameters: Type.Object({
    algorithm: Type.String(),
    nonce: Type.String(),
    salt: Type.String(),
    cost: Type.Integer(),
    keyLength: Type.Integer(),
    keyPrefix: Type.String(),
    keySignature: Type.Optional(Type.String()),
    expiresAt: Type.Optional(Type.Integer()),
    /** `expires`: Unix seconds after which the server refuses a solution (reason `challenge_failed`, problem `expired`). */
    data: Type.Optional(Type.Object({ expires: Type.Integer() }, { additionalProperties: true })),
    // Anything else the library signs must reach the widget unchanged, or the signature no longer matches.
  }, { additionalProperties: true }),
  signature: Type.String(),
});
export type BookingChallenge = Static<typeof BookingChallenge>;
