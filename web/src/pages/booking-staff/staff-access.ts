// Who may open the staff booking pages, mirroring the server's policy (the server decides; this only
// avoids showing buttons that would be refused).
import type { Me } from '../../../../contracts/auth.ts';

/** `booking.office.read` / `.act` / `.staff.book`: admins and the office's own manager and service officers. */
export function isOfficeStaff(me: Me, officeId: string): boolean {
  return me.roles.some(
    (g) => g.role === 'admin' || ((g.role === 'office_manager' || g.role === 'service_officer') && g.officeId === officeId),
  );
}

/** `booking.settings.write`: admins and the office's manager. */
export function isOfficeManager(me: Me, officeId: string): boolean {
  return me.roles.some((g) => g.role === 'admin' || (g.role === 'office_manager' && g.officeId === officeId));
}
