// One service's booking settings as a table row of inputs, saved on its own.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingSettings, BookingSettingsInput } from '../../../../contracts/booking.ts';
import { api } from '../../lib/api.ts';
import { translateApiError, isApiError } from '../admin/form-errors.ts';

const NUMBER_FIELDS = ['bufferBeforeMin', 'bufferAfterMin', 'minNoticeMin', 'horizonDays', 'stepMin'] as const;

export function SettingsRow({ officeId, settings, canEdit }: { officeId: string; settings: BookingSettings; canEdit: boolean }) {
  const { t } = useTranslation('bookingStaff');
  const [draft, setDraft] = useState(settings);
  const [status, setStatus] = useState('');
  const rowId = `settings-${settings.serviceId}`;
  const save = async () => {
    const body: BookingSettingsInput = {
      bookable: draft.bookable,
      walkInShare: draft.walkInShare,
      ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, draft[f]])),
    };
    setStatus(t('settings.saving'));
    try {
      setDraft(await api.put<BookingSettings>(`/offices/${encodeURIComponent(officeId)}/booking-settings/${encodeURIComponent(settings.serviceId)}`, body));
      setStatus(t('settings.saved'));
    } catch (err) {
      setStatus(isApiError(err) ? translateApiError(err) : t('loadError'));
    }
  };
  return (
    <tr>
      <th scope="row" id={rowId}>
        {settings.serviceNameSv}
        <br />
        <span className="admin-muted">{t('settings.duration', { count: settings.durationMin })}</span>
      </th>
      <td>
        <input
          type="checkbox"
          aria-labelledby={`${rowId} settings-bookable`}
          checked={draft.bookable}
          disabled={!canEdit}
          onChange={(e) => setDraft({ ...draft, bookable: e.target.checked })}
        />
      </td>
      <td>
        <input
          type="number"
          className="admin-input admin-input-short"
          aria-labelledby={`${rowId} settings-walkInShare`}
          min={0}
          max={100}
          step={5}
          value={Math.round(draft.walkInShare * 100)}
          disabled={!canEdit}
          onChange={(e) => setDraft({ ...draft, walkInShare: Math.min(100, Math.max(0, Number(e.target.value))) / 100 })}
        />
      </td>
      {NUMBER_FIELDS.map((f) => (
        <td key={f}>
          <input
            type="number"
            className="admin-input admin-input-short"
            aria-labelledby={`${rowId} settings-${f}`}
            min={0}
            value={draft[f]}
            disabled={!canEdit}
            onChange={(e) => setDraft({ ...draft, [f]: Number(e.target.value) })}
          />
        </td>
      ))}
      <td>
        {canEdit && (
          <button type="button" className="admin-button admin-button-small" onClick={() => void save()}>
            {t('settings.save')}
            <span className="visually-hidden"> {settings.serviceNameSv}</span>
          </button>
        )}
        <span role="status" className="admin-muted">
          {status}
        </span>
      </td>
    </tr>
  );
}
