// The JSON Schema formats the API checks more strictly than ajv-formats does: `date` and `date-time`
// must name a day that exists, in the years the service deals in (contracts/common.ts), so neither
// 2026-02-30 nor year 0 or 9999 reaches the calendar code or the database.
import type { Ajv } from 'ajv';
import { isInstantInWindow, isIsoDateInWindow } from '../../../contracts/common.ts';

export function strictDateFormats(ajv: Ajv): Ajv {
  ajv.addFormat('date', { type: 'string', validate: isIsoDateInWindow });
  ajv.addFormat('date-time', { type: 'string', validate: isInstantInWindow });
  return ajv;
}
