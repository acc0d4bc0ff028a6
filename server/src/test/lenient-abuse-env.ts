// Suites and browser specs that are not about abuse book and take tickets freely from one address
// (inject() uses 127.0.0.1) and post bookings without a challenge: these settings keep the limits of
// decision 0013 out of their way. The abuse suites, and the booking spec's challenge, turn them back on.
export const LENIENT_ABUSE_ENV: NodeJS.ProcessEnv = {
  RATE_LIMIT_TICKETS: '1000000', RATE_LIMIT_CHECK_INS: '1000000', RATE_LIMIT_BOOKINGS: '1000000', RATE_LIMIT_BOOKING_CHANGES: '1000000',
  BOOKING_OPEN_LIMIT: '1000000', BOOKING_CHALLENGE: 'false',
};
