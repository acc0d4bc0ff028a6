// Desk rules on the client: which queues an officer may serve, and staff messages for API refusals.
import type { TFunction } from 'i18next';
import type { Me } from '../../../../contracts/auth.ts';
import type { OfficeQueue } from '../../../../contracts/visits.ts';
import { ApiError } from '../../lib/api.ts';
import { apiReason } from './api-reason.ts';

/**
 * Mirrors the server (policy.ts mayServeQueue): admins, the office's managers and generalist service
 * officers serve every queue; a service officer whose grant names an agency (a competence) and agency
 * officers serve that agency's.
 */
export function mayServe(me: Me, officeId: string, queue: OfficeQueue): boolean {
  return me.roles.some(
    (g) =>
      g.role === 'admin' ||
      (g.role === 'office_manager' && g.officeId === officeId) ||
      (g.role === 'service_officer' && g.officeId === officeId && (g.agencyId === null || g.agencyId === queue.agencyId)) ||
      (g.role === 'agency_officer' && g.agencyId === queue.agencyId),
  );
}

/** The agency an agency officer works for, to preselect "performed by" on the finish form. */
export function ownAgencyId(me: Me): string | null {
  return me.roles.find((g) => g.role === 'agency_officer')?.agencyId ?? null;
}

export function deskErrorMessage(err: unknown, t: TFunction<'visits'>): string {
  if (!(err instanceof ApiError)) return t('desk.error.network');
  const reason = apiReason(err);
  if (reason === 'officer_busy') return t('desk.error.officerBusy');
  if (reason === 'recall_limit') return t('desk.error.recallLimit');
  if (err.status === 401) return t('desk.error.loggedOut');
  if (err.status === 403) return t('desk.error.forbidden');
  if (err.status === 404) return t('desk.error.notFound');
  if (err.status === 409) return t('desk.error.conflict', { message: err.message });
  return t('desk.error.generic', { message: err.message });
}
