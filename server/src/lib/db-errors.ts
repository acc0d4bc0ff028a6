// Turns PostgreSQL constraint errors into AppErrors that name the field, so the database stays the
// last line of defence without leaking SQL to users.
import { AppError } from './errors.ts';

interface PgLikeError {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  detail?: string;
  cause?: unknown;
}

/** Constraint name → API field. Unlisted constraints fall back to the constraint's name. */
const FIELD_BY_CONSTRAINT: Record<string, string> = {
  offices_name_unique: 'name',
  offices_coordinates_in_sweden: 'lat',
  offices_servicepunkt_partner: 'partnerName',
  offices_mobile_stop_hub: 'hubOfficeId',
  offices_hub_not_self: 'hubOfficeId',
  offices_hub_office_id_offices_id_fk: 'hubOfficeId',
  offices_kommunkod_municipalities_kommunkod_fk: 'kommunkod',
  office_hours_order: 'openingHours',
  office_exception_hours: 'dateExceptions',
  agencies_code_unique: 'code',
  agencies_website_http: 'website',
  agencies_kommun_matches_kind: 'kommunkod',
  agencies_kommunkod_municipalities_kommunkod_fk: 'kommunkod',
  services_agency_name_sv: 'nameSv',
  services_agency_id_agencies_id_fk: 'agencyId',
  services_duration_range: 'durationMin',
  users_username_unique: 'username',
  user_roles_office_id_offices_id_fk: 'roles',
  user_roles_agency_id_agencies_id_fk: 'roles',
  user_roles_county_code_counties_code_fk: 'roles',
  mobile_teams_hub_name: 'name',
  mp_templates_office_name: 'name',
  mp_households_assigned_kommunkod_municipalities_kommunkod_fk: 'assignedKommunkod',
};

/** The PostgreSQL error inside `err` (Drizzle wraps driver errors; the fields sit on a cause), or null. */
export function pgErrorOf(err: unknown): PgLikeError | null {
  let e: unknown = err;
  // Drizzle wraps driver errors; the PostgreSQL fields sit on the cause.
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const candidate = e as PgLikeError;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    e = candidate.cause;
  }
  return null;
}

export function mapDbError(err: unknown): unknown {
  const pg = pgErrorOf(err);
  if (!pg) return err;
  const constraint = pg.constraint ?? pg.constraint_name ?? '';
  const field = FIELD_BY_CONSTRAINT[constraint] ?? constraint;
  switch (pg.code) {
    case '23505':
      return new AppError('already_exists', `A record with this ${field} already exists`, { field });
    case '23503':
      return pg.detail?.includes('is still referenced')
        ? new AppError('in_use', 'This record is still in use by other records', { field, details: { constraint } })
        : new AppError('validation_failed', `${field} refers to something that does not exist`, { field, reason: 'unknown_reference' });
    case '23514':
    case '23P01':
      return new AppError('validation_failed', `${field} breaks the rule ${constraint}`, { field, reason: 'constraint', details: { constraint } });
    default:
      return err;
  }
}

/** Runs a write and rethrows constraint violations as field-named AppErrors. */
export async function withDbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw mapDbError(err);
  }
}
