// Step statuses as the pages show them: a class for the colour and a symbol, so status is never told by
// colour alone (WCAG 1.4.1); the words come from the i18n files (`status.<status>`).
import type { StepStatus } from '../../../../contracts/motesplats.ts';

export const STATUSES: readonly StepStatus[] = ['planned', 'in_progress', 'done', 'needs_follow_up', 'not_applicable'];

export const STATUS_SYMBOL: Record<StepStatus, string> = {
  planned: '○',
  in_progress: '▶',
  done: '✓',
  needs_follow_up: '!',
  not_applicable: '–',
};

export const statusClass = (status: StepStatus) => `mp-status mp-status-${status.replace(/_/g, '-')}`;

/** A step that has begun: the household is in the building and under way. */
export const isStarted = (status: StepStatus) => status !== 'planned' && status !== 'not_applicable';

/** The station keys of the default template, in the order of the day (docs/motesplats.md). */
export const STATION_ORDER = ['MV', 'SKV', 'AF', 'FK', 'PM', 'KOMMUN'] as const;
