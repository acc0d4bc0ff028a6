// API errors on the Mötesplats staff pages: by the error's stable `details.reason` in the page language,
// else the admin pages' general translations, into the same FormErrors shape the admin forms use.
import { ApiError } from '../../lib/api.ts';
import i18n from '../../i18n/index.ts';
import { resolveFieldId, translateApiError, type FieldIds, type FormErrors } from '../admin/form-errors.ts';

export function mpErrorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return i18n.t('motesplats:errors.network');
  const reason = (err.details as { reason?: unknown } | undefined)?.reason;
  const key = `motesplats:serverErrors.${typeof reason === 'string' ? reason : err.code}`;
  return i18n.exists(key) ? i18n.t(key) : translateApiError(err);
}

/** A failed request as form errors: the message linked to the input the API's `field` names. */
export function mpFormErrors(err: unknown, ids: FieldIds): FormErrors {
  const targetId = err instanceof ApiError ? resolveFieldId(err.field, ids) : null;
  const message = mpErrorMessage(err);
  return { kind: 'input', list: [{ targetId, message }], byId: targetId ? { [targetId]: message } : {} };
}
