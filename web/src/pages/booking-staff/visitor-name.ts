// A booked visitor's name on the staff pages. With protected identity the API withholds it (except from
// the officer a video meeting is with) and sends `nameHidden`: the page says "Skyddad identitet" in its
// own language instead of the API's Swedish label.
import type { StaffBooking } from '../../../../contracts/booking.ts';

export const staffVisitorName = (b: Pick<StaffBooking, 'visitorName' | 'nameHidden'>, t: (key: string) => string) => (b.nameHidden ? t('protectedName') : b.visitorName);
