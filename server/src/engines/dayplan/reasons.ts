// Why a task could not be placed, decided the same way by every method so the coordinator sees the
// same code whichever produced the plan: first what no schedule could fix (no officer / interpreter
// works long enough), then a predecessor that is itself unplanned, else the day simply ran out.
import type { Indexed } from './instance.ts';
import type { Interval, UnplannedReason } from './types.ts';

const fitsSomeWindow = (windows: Interval[], duration: number) => windows.some((w) => w.end - w.start >= duration);

/** 'no_officer' / 'no_interpreter' when no resource could ever hold the task, else null. */
export function structuralReason(ix: Indexed, task: number): UnplannedReason | null {
  const d = ix.duration[task]!;
  if (!ix.officerChoices[task]!.some((o) => fitsSomeWindow(ix.officerWindows[o]!, d))) return 'no_officer';
  const interpreters = ix.interpreterChoices[task];
  if (interpreters && !interpreters.some((x) => fitsSomeWindow(ix.interpreterWindows[x]!, d))) return 'no_interpreter';
  return null;
}

/** The reason for a task left unplaced, given which tasks were placed. */
export function unplacedReason(ix: Indexed, task: number, placed: (t: number) => boolean): UnplannedReason {
  const structural = structuralReason(ix, task);
  if (structural) return structural;
  if (ix.preds[task]!.some((p) => !placed(p))) return 'predecessor_unplanned';
  return 'no_time';
}
