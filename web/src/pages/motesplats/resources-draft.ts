// The staffing editor's state: the day's officers and interpreters as rows of text fields, to and from
// the API's shape. One break per row covers a lunch; more breaks set through the API are kept as they are.
import type { DayResources, DayResourcesInput } from '../../../../contracts/motesplats.ts';
import type { FieldIds } from '../admin/form-errors.ts';

export interface StaffRow {
  id?: string;
  userId?: string | null;
  name: string;
  /** The station for an officer, the language for an interpreter. */
  place: string;
  start: string;
  end: string;
  breakStart: string;
  breakEnd: string;
  /** Breaks after the first, untouched by the editor. */
  moreBreaks: Array<{ start: string; end: string }>;
}

export interface ResourcesDraft {
  templateId: string;
  officers: StaffRow[];
  interpreters: StaffRow[];
}

type Row = { id?: string; userId?: string | null; name: string; shift: { start: string; end: string }; breaks: Array<{ start: string; end: string }> };

function rowOf(r: Row, place: string, keepIds: boolean): StaffRow {
  const [first, ...rest] = r.breaks;
  return {
    ...(keepIds && r.id ? { id: r.id } : {}),
    ...(keepIds && r.userId !== undefined ? { userId: r.userId } : {}),
    name: r.name, place, start: r.shift.start, end: r.shift.end,
    breakStart: first?.start ?? '', breakEnd: first?.end ?? '', moreBreaks: rest,
  };
}

/** This day's staffing to edit, or another day's to copy (without its ids, which belong to that day). */
export function draftOfResources(r: DayResources, keepIds: boolean, fallbackTemplateId: string): ResourcesDraft {
  return {
    templateId: r.templateId ?? fallbackTemplateId,
    officers: r.officers.map((o) => rowOf(o, o.station, keepIds)),
    interpreters: r.interpreters.map((x) => rowOf(x, x.language, keepIds)),
  };
}

export const emptyRow = (place: string): StaffRow => ({ name: '', place, start: '08:00', end: '16:30', breakStart: '12:00', breakEnd: '12:45', moreBreaks: [] });

function shiftOf(row: StaffRow) {
  const breaks = row.breakStart && row.breakEnd ? [{ start: row.breakStart, end: row.breakEnd }, ...row.moreBreaks] : row.moreBreaks;
  return { ...(row.id ? { id: row.id } : {}), name: row.name.trim(), shift: { start: row.start, end: row.end }, breaks };
}

export function toResourcesInput(d: ResourcesDraft): DayResourcesInput {
  return {
    templateId: d.templateId,
    officers: d.officers.map((o) => ({ ...shiftOf(o), ...(o.userId !== undefined ? { userId: o.userId } : {}), station: o.place })),
    interpreters: d.interpreters.map((x) => ({ ...shiftOf(x), language: x.place })),
  };
}

export const staffFieldId = (kind: 'officers' | 'interpreters', i: number, field: 'name' | 'place' | 'start' | 'end' | 'breakStart' | 'breakEnd') => `mp-res-${kind}-${i}-${field}`;

export function resourcesFieldIds(d: ResourcesDraft): FieldIds {
  const ids: FieldIds = { templateId: 'mp-res-template', officers: 'mp-res-officers', interpreters: 'mp-res-interpreters' };
  for (const kind of ['officers', 'interpreters'] as const) {
    d[kind].forEach((_, i) => {
      ids[`${kind}[${i}]`] = staffFieldId(kind, i, 'name');
      ids[`${kind}[${i}].name`] = staffFieldId(kind, i, 'name');
      ids[`${kind}[${i}].station`] = staffFieldId(kind, i, 'place');
      ids[`${kind}[${i}].language`] = staffFieldId(kind, i, 'place');
      ids[`${kind}[${i}].shift`] = staffFieldId(kind, i, 'start');
      ids[`${kind}[${i}].shift.start`] = staffFieldId(kind, i, 'start');
      ids[`${kind}[${i}].shift.end`] = staffFieldId(kind, i, 'end');
      ids[`${kind}[${i}].breaks`] = staffFieldId(kind, i, 'breakStart');
      ids[`${kind}[${i}].breaks[0]`] = staffFieldId(kind, i, 'breakStart');
      ids[`${kind}[${i}].breaks[0].end`] = staffFieldId(kind, i, 'breakEnd');
    });
  }
  return ids;
}
