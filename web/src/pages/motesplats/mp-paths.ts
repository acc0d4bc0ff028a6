// The Mötesplats API paths the pages use (server/src/modules/motesplats/routes.ts and plan-routes.ts).
const enc = encodeURIComponent;

export const dayPath = (officeId: string, date: string) => `/motesplats/offices/${enc(officeId)}/days/${enc(date)}`;
export const templatesPath = (officeId: string) => `/motesplats/offices/${enc(officeId)}/templates`;
export const templatePath = (officeId: string, templateId: string) => `${templatesPath(officeId)}/${enc(templateId)}`;
export const householdPath = (officeId: string, householdId: string) => `/motesplats/offices/${enc(officeId)}/households/${enc(householdId)}`;
export const itineraryPath = (token: string) => `/motesplats/itinerary/${enc(token)}`;

/** EventSource needs the full path: api.ts adds /api/v1 for fetches only. */
export const streamUrl = (path: string) => `/api/v1${path}/events`;

/** The household's own page, as the coordinator hands it out (a link or a QR code). */
export const itineraryPage = (token: string) => `/resplan/${enc(token)}`;
export const boardPage = (officeId: string, date?: string) => `/kontor/${enc(officeId)}/motesplats${date ? `?datum=${date}` : ''}`;
export const receptionPage = (officeId: string, date?: string) => `/kontor/${enc(officeId)}/motesplats/mottagning${date ? `?datum=${date}` : ''}`;
export const reportPage = (officeId: string) => `/kontor/${enc(officeId)}/motesplats/ledtid`;
export const templatesPage = (officeId: string) => `/kontor/${enc(officeId)}/motesplats/mallar`;
export const templatePage = (officeId: string, templateId: string) => `${templatesPage(officeId)}/${enc(templateId)}`;
