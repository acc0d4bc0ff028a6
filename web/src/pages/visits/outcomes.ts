// The outcomes an officer can record when finishing a visit, in the order the desk lists them.
import type { FinishInput } from '../../../../contracts/visits.ts';

export type Outcome = FinishInput['outcome'];
export const OUTCOMES: readonly Outcome[] = ['resolved', 'referred', 'needs_followup'];
