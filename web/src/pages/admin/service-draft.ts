// The service form's state: draft, conversion to ServiceInput with field ids for server errors, and checks.
import type { TFunction } from 'i18next';
import type { Capability, Channel, Service, ServiceInput } from '../../../../contracts/registry.ts';
import type { FieldIds } from './form-errors.ts';

export interface ServiceDraft {
  agencyId: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  durationMin: string;
  channels: Channel[];
  requiredCapabilities: Capability[];
  /** 'office_staff' or the id of an agency that may perform the service on the owner's behalf. */
  performers: string[];
}

export const OFFICE_STAFF = 'office_staff';

export const SERVICE_FIELD = {
  agencyId: 'service-agency',
  nameSv: 'service-name-sv',
  nameEn: 'service-name-en',
  descriptionSv: 'service-description-sv',
  descriptionEn: 'service-description-en',
  durationMin: 'service-duration',
  channels: 'service-channels',
  requiredCapabilities: 'service-capabilities',
  performers: 'service-performers',
} as const;

export function emptyServiceDraft(): ServiceDraft {
  return {
    agencyId: '',
    nameSv: '',
    nameEn: '',
    descriptionSv: '',
    descriptionEn: '',
    durationMin: '20',
    channels: ['in_person'],
    requiredCapabilities: [],
    performers: [],
  };
}

export function draftFromService(s: Service): ServiceDraft {
  return {
    agencyId: s.agencyId,
    nameSv: s.nameSv,
    nameEn: s.nameEn,
    descriptionSv: s.descriptionSv,
    descriptionEn: s.descriptionEn,
    durationMin: String(s.durationMin),
    channels: [...s.channels],
    requiredCapabilities: [...s.requiredCapabilities],
    performers: s.performers.map((p) => (p.kind === 'office_staff' ? OFFICE_STAFF : p.agencyId)),
  };
}

export function buildServiceInput(d: ServiceDraft): { input: ServiceInput; fieldIds: FieldIds } {
  const F = SERVICE_FIELD;
  const fieldIds: FieldIds = { ...F };
  // The owner performs its own service; listing it as a performer too would say nothing.
  const performers = d.performers.filter((p) => p !== d.agencyId);
  performers.forEach((p, i) => {
    fieldIds[`performers[${i}]`] = `${F.performers}-${p}`;
  });
  d.channels.forEach((c, i) => (fieldIds[`channels[${i}]`] = `${F.channels}-${c}`));
  d.requiredCapabilities.forEach((c, i) => (fieldIds[`requiredCapabilities[${i}]`] = `${F.requiredCapabilities}-${c}`));
  const input: ServiceInput = {
    agencyId: d.agencyId,
    nameSv: d.nameSv.trim(),
    nameEn: d.nameEn.trim(),
    descriptionSv: d.descriptionSv.trim(),
    descriptionEn: d.descriptionEn.trim(),
    durationMin: Number(d.durationMin.trim()),
    channels: d.channels,
    requiredCapabilities: d.requiredCapabilities,
    performers: performers.map((p) => (p === OFFICE_STAFF ? { kind: 'office_staff' } : { kind: 'agency', agencyId: p })),
  };
  return { input, fieldIds };
}

export function checkServiceDraft(d: ServiceDraft, t: TFunction<'admin'>): Array<[string, string]> {
  const F = SERVICE_FIELD;
  const checks: Array<[string, string]> = [];
  if (!d.agencyId) checks.push([F.agencyId, t('errors.required', { field: t('service.agency') })]);
  if (d.nameSv.trim().length < 2) checks.push([F.nameSv, t('errors.required', { field: t('service.nameSv') })]);
  if (d.nameEn.trim().length < 2) checks.push([F.nameEn, t('errors.required', { field: t('service.nameEn') })]);
  const minutes = Number(d.durationMin.trim());
  if (d.durationMin.trim() === '' || !Number.isInteger(minutes) || minutes < 5 || minutes > 480) {
    checks.push([F.durationMin, t('errors.outOfRange', { field: t('service.duration'), min: 5, max: 480 })]);
  }
  if (d.channels.length === 0) checks.push([F.channels, t('errors.chooseOne', { field: t('service.channels') })]);
  return checks;
}
