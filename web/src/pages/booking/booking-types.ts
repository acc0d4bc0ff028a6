// Shapes the booking steps hand to each other.
import type { BookingChannel, SlotDayView, SlotView } from '../../../../contracts/booking.ts';

/** A service as the flow shows it: from the office's bookable services or the registry's list. */
export interface ServiceChoice {
  id: string;
  agencyId: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  durationMin: number;
}

export interface PlaceChoice {
  officeId: string;
  officeName: string;
}

export interface ContactDraft {
  name: string;
  email: string;
  phone: string;
  personnummer: string;
  interpreter: boolean;
  interpreterLanguage: string;
  /** Skyddade personuppgifter: staff lists then show a label, not the name (docs/booking.md). */
  protectedIdentity: boolean;
}

export const EMPTY_CONTACT: ContactDraft = { name: '', email: '', phone: '', personnummer: '', interpreter: false, interpreterLanguage: '', protectedIdentity: false };

export interface SlotChoice {
  channel: BookingChannel;
  day: SlotDayView;
  slot: SlotView;
}
