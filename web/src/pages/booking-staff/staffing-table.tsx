// Officers per agency and weekday at the office: the numbers the booking pools are sized by.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffingRow } from '../../../../contracts/booking.ts';
import type { Agency } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { weekdayName } from '../../lib/locale-format.ts';
import { isApiError, translateApiError } from '../admin/form-errors.ts';

interface Props {
  officeId: string;
  rows: StaffingRow[];
  agencies: Agency[];
  canEdit: boolean;
}

export function StaffingTable({ officeId, rows, agencies, canEdit }: Props) {
  const { t, i18n } = useTranslation('bookingStaff');
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const [draft, setDraft] = useState(rows);
  const [status, setStatus] = useState('');
  const agencyIds = [...new Set(rows.map((r) => r.agencyId))];
  const weekdays = [...new Set(rows.map((r) => r.weekday))].sort();
  const cell = (agencyId: string, weekday: number) => draft.find((r) => r.agencyId === agencyId && r.weekday === weekday);
  const save = async () => {
    setStatus(t('settings.saving'));
    try {
      setDraft(await api.put<StaffingRow[]>(`/offices/${encodeURIComponent(officeId)}/staffing`, { rows: draft }));
      setStatus(t('settings.saved'));
    } catch (err) {
      setStatus(isApiError(err) ? translateApiError(err) : t('loadError'));
    }
  };
  return (
    <>
      <div className="admin-table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('staffing.agency')}</th>
              {weekdays.map((w) => (
                <th scope="col" key={w} id={`staffing-day-${w}`}>
                  {weekdayName(w, lang, 'short')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {agencyIds.map((agencyId) => {
              const agency = agencies.find((a) => a.id === agencyId);
              return (
                <tr key={agencyId}>
                  <th scope="row" id={`staffing-agency-${agencyId}`}>
                    {agency ? (lang === 'en' ? agency.nameEn : agency.nameSv) : agencyId}
                  </th>
                  {weekdays.map((w) => {
                    const row = cell(agencyId, w);
                    return (
                      <td key={w}>
                        {row ? (
                          <input
                            type="number"
                            min={0}
                            max={50}
                            className="admin-input admin-input-short"
                            aria-labelledby={`staffing-agency-${agencyId} staffing-day-${w}`}
                            value={row.officers}
                            disabled={!canEdit}
                            onChange={(e) =>
                              setDraft(draft.map((r) => (r === row ? { ...r, officers: Math.max(0, Number(e.target.value)) } : r)))
                            }
                          />
                        ) : (
                          <span className="admin-muted">{t('staffing.absent')}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canEdit && (
        <button type="button" className="admin-button" onClick={() => void save()}>
          {t('staffing.save')}
        </button>
      )}
      <p role="status" className="admin-muted">
        {status}
      </p>
    </>
  );
}
