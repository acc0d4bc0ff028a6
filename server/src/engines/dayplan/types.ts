// The Mötesplats day planner's data, as plain values. Two levels:
//
// - a pathway *template* (steps per agency, precedence, who each step applies to) and the day's
//   *households*: what coordinators edit and register (template.ts validates and expands them);
// - a *day instance*: the concrete tasks of the day (one per person and per-person step, one per
//   household step), the stations' officers and the interpreters. The planners, the validator, the
//   generator, the exact reference and the benchmark all work on this level, and bench/instances/*.json
//   are DayInput values as JSON.
//
// Times are whole minutes after midnight on the day (Europe/Stockholm wall clock): a Mötesplats day
// never crosses midnight or a daylight-saving change (those happen at night, on Sundays), so minutes of
// the day are exact and keep the search arithmetic cheap.

/** An agency station key: 'MV' | 'SKV' | 'AF' | 'FK' | 'PM' | 'KOMMUN', or any key the office uses. */
export type StationKey = string;

/** Half-open [start, end) in minutes after midnight. */
export interface Interval {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------------
// Template level

/** Who a step applies to. All given conditions must hold; none given means everyone. */
export interface StepApplies {
  /** Age on the day, inclusive bounds. */
  minAge?: number;
  maxAge?: number;
  /** The household has a child aged 6–15 (school age) / under 6 (childcare). */
  hasSchoolAgeChildren?: boolean;
  hasChildrenUnder6?: boolean;
  /** The household has assigned housing (the municipality hands over the key). */
  assignedHousing?: boolean;
}

export interface TemplateStep {
  /** Stable within the template, e.g. 'mv-decision'. */
  key: string;
  /** Swedish name shown to staff; translations of visitor-facing names live in the web locales. */
  name: string;
  station: StationKey;
  /**
   * 'person': one task per member it applies to, that member only.
   * 'household': one task for the household, taking every member it applies to (plus, when
   * `withParent`, one adult) together for its whole length.
   */
  scope: 'person' | 'household';
  /** Fixed minutes, plus `perMemberMin` for each member involved (household steps). */
  durationMin: number;
  perMemberMin?: number;
  /** Keys of steps that must be finished before this one starts (for the same person / household). */
  after: string[];
  applies: StepApplies;
  /** For household steps about children (school, childcare): an adult of the household is present. */
  withParent?: boolean;
}

export interface PathwayTemplate {
  id: string;
  name: string;
  steps: TemplateStep[];
}

export interface MemberInput {
  id: string;
  birthYear: number;
  /** Needs an interpreter of the household's language. */
  needsInterpreter: boolean;
}

export interface HouseholdInput {
  id: string;
  /** Language code for interpreters and the itinerary, e.g. 'ar', 'fa', 'ti', 'so', 'uk', 'sv'. */
  language: string;
  assignedHousing: boolean;
  /** Expected arrival, minutes after midnight. */
  arrival: number;
  members: MemberInput[];
}

/**
 * template.ts exports:
 *   validateTemplate(t: PathwayTemplate): TemplateProblem[]   (empty when valid)
 *   expandDay(t: PathwayTemplate, households: HouseholdInput[], year: number): { tasks: Task[]; households: Household[]; persons: Person[] }
 */
export interface TemplateProblem {
  /** Stable code: 'cycle' | 'unreachable' | 'unknown_step' | 'duplicate_key' | 'bad_duration' | 'bad_age_range' */
  code: string;
  /** The step key the problem is about, and a field path such as 'steps[3].after[0]'. */
  stepKey: string;
  field: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------------
// Instance level

export interface Person {
  id: string;
  householdId: string;
}

export interface Household {
  id: string;
  arrival: number;
  personIds: string[];
}

export interface Task {
  id: string;
  householdId: string;
  /** The template step it comes from (for names, notes and statuses). */
  stepKey: string;
  station: StationKey;
  /** Everyone the task takes: busy together for its whole length. */
  personIds: string[];
  durationMin: number;
  /** Task ids that must end before this one starts. */
  after: string[];
  /** Needs one interpreter of this language for its whole length; null when not. */
  interpreterLanguage: string | null;
}

export interface Officer {
  id: string;
  station: StationKey;
  /** Working hours; a task lies wholly inside them and outside every break. */
  shift: Interval;
  breaks: Interval[];
}

export interface Interpreter {
  id: string;
  language: string;
  shift: Interval;
  breaks: Interval[];
}

export interface DayInput {
  /** Stockholm date, YYYY-MM-DD (for people; the engine does not need it). */
  date: string;
  persons: Person[];
  households: Household[];
  tasks: Task[];
  officers: Officer[];
  interpreters: Interpreter[];
}

/** One task placed: its officer, its interpreter when it needs one, and its time. */
export interface Assignment {
  taskId: string;
  start: number;
  end: number;
  officerId: string;
  interpreterId: string | null;
}

/** Why a task could not be placed: stable codes, shown to the coordinator. */
export type UnplannedReason =
  | 'no_officer' // no officer of the station works that day, or none long enough
  | 'no_interpreter' // no interpreter of the language, or none long enough
  | 'no_time' // nothing free before closing once the earlier steps are placed
  | 'predecessor_unplanned' // a step it needs first could not be placed
  | 'household_absent'; // the household did not come

export interface Unplanned {
  taskId: string;
  reason: UnplannedReason;
}

export interface PlanObjective {
  /** Sum over persons with a planned task of (their last task's end − their household's arrival). */
  totalMinutesInBuilding: number;
  /** The end of the last planned task (minutes after midnight). */
  makespan: number;
}

export interface DayPlan {
  assignments: Assignment[];
  unplanned: Unplanned[];
  objective: PlanObjective;
  /** A lower bound on totalMinutesInBuilding for the tasks planned, and the gap (objective − bound) / objective. */
  lowerBound: number;
  gap: number;
  /** What produced it: 'fcfs' | 'srpt' | 'planner' | 'replan' | 'exact'. */
  method: string;
  runMs: number;
  /**
   * The search's work (deterministic units, see PlanOptions.work) and whether the wall-clock safety cap
   * stopped it before its work budget (then the plan depends on the machine's load). Planner and re-planner only.
   */
  search?: { work: number; capHit: boolean };
}

/** Views derived from a plan for people (engine function `views(input, plan)`). */
export interface ItineraryStop {
  taskId: string;
  stepKey: string;
  station: StationKey;
  start: number;
  end: number;
  officerId: string;
  interpreterId: string | null;
}

/** A rule the validator found broken: stable code, and the tasks or resources involved. */
export interface Violation {
  code:
    | 'precedence'
    | 'person_overlap'
    | 'officer_overlap'
    | 'officer_station'
    | 'officer_hours'
    | 'interpreter_missing'
    | 'interpreter_language'
    | 'interpreter_overlap'
    | 'interpreter_hours'
    | 'before_arrival'
    | 'duration'
    | 'unknown_task'
    | 'task_missing'
    | 'task_twice';
  taskIds: string[];
  message: string;
}

/**
 * Live re-planning: the state of the day at `now`. Tasks in `fixed` (started or finished) keep their
 * assignment as given (a started task that runs over is given with its new expected end, and the caller
 * sets that task's durationMin in `input` to the new length, so the validator needs no exception); every other
 * task starts at `now` or later. `previous` is the plan the day runs on: the re-planner keeps each
 * task's officer and time where it still fits, so itineraries change as little as they need to.
 */
export interface ReplanInput {
  input: DayInput;
  now: number;
  fixed: Assignment[];
  previous: DayPlan;
  /** Households that will not come (no-shows): their open tasks come back unplanned, 'household_absent'. */
  absentHouseholdIds: string[];
}
