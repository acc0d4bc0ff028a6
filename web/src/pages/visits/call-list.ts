// The display board's call list: newest first, one entry per ticket, replays after a reconnect ignored.
import type { Call } from '../../../../contracts/visits.ts';

export const BOARD_CALLS = 8;

const time = (c: Call) => Date.parse(c.at) || 0;
/** One call or recall; the stream repeats the latest ones on every (re)connect. */
export const callKey = (c: Call) => `${c.ticketId}|${c.at}|${c.recall ? 'recall' : 'call'}`;
const sameCall = (a: Call, b: Call) => callKey(a) === callKey(b);

/**
 * Adds a call; `added` is false when it was known already or is older than what the board shows for
 * that ticket (a stream sends the latest calls again on every connect). A recall moves the ticket to
 * the top instead of listing it twice. Equal times (one clock tick) count the newcomer as newer.
 */
export function addCall(list: Call[], call: Call): { list: Call[]; added: boolean } {
  const previous = list.find((c) => c.ticketId === call.ticketId);
  if (previous && (sameCall(previous, call) || time(previous) > time(call))) return { list, added: false };
  const rest = list.filter((c) => c.ticketId !== call.ticketId);
  const at = rest.findIndex((c) => time(c) <= time(call));
  const next = at === -1 ? [...rest, call] : [...rest.slice(0, at), call, ...rest.slice(at)];
  return { list: next.slice(0, BOARD_CALLS), added: true };
}

/** The spoken form: "Nummer A 0 1 2, lucka 3", every character of the number on its own. */
export function spokenCall(call: Pick<Call, 'number' | 'counterName'>): string {
  const spelled = call.number.split('').join(' ');
  const counter = call.counterName.charAt(0).toLowerCase() + call.counterName.slice(1);
  return `Nummer ${spelled}, ${counter}`;
}
