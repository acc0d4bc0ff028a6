// The coordinator's corrections of one registered household: change its data (the plan then reads as
// out of date until re-planned) or remove a registration made by mistake, after a second click.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../../contracts/motesplats.ts';
import type { Municipality } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { HouseholdForm } from './household-form.tsx';
import { mpErrorMessage } from './mp-errors.ts';
import { householdPath } from './mp-paths.ts';

interface Props {
  officeId: string;
  date: string;
  household: Household;
  municipalities: Municipality[];
  onChanged: (message: string) => void;
}

export function HouseholdActions({ officeId, date, household, municipalities, onChanged }: Props) {
  const { t } = useTranslation('motesplats');
  const [mode, setMode] = useState<'idle' | 'edit' | 'confirm'>('idle');
  const [error, setError] = useState('');
  const ref = household.reference;

  const remove = async () => {
    setError('');
    try {
      await api.delete(householdPath(officeId, household.id));
      onChanged(t('households.removed', { household: ref }));
    } catch (err) {
      setError(mpErrorMessage(err));
      setMode('idle');
    }
  };

  if (mode === 'edit') {
    return (
      <HouseholdForm
        officeId={officeId}
        date={date}
        defaultKommunkod={household.assignedKommunkod ?? ''}
        municipalities={municipalities}
        editing={household}
        onSaved={() => {
          setMode('idle');
          onChanged(t('households.corrected', { household: ref }));
        }}
        onCancel={() => setMode('idle')}
      />
    );
  }
  return (
    <div>
      <p className="mp-actions">
        <button type="button" className="mp-link-button" onClick={() => setMode('edit')}>
          {t('households.correct', { household: ref })}
        </button>
        {mode === 'idle' ? (
          <button type="button" className="mp-link-button" onClick={() => setMode('confirm')}>
            {t('households.remove', { household: ref })}
          </button>
        ) : (
          <>
            <strong>{t('households.removeConfirm', { household: ref })}</strong>
            <button type="button" className="mp-button mp-button-secondary" onClick={() => void remove()}>
              {t('households.removeYes')}
            </button>
            <button type="button" className="mp-button mp-button-secondary" onClick={() => setMode('idle')}>
              {t('register.cancel')}
            </button>
          </>
        )}
      </p>
      {error && <p role="alert" className="mp-message mp-message-error">{error}</p>}
    </div>
  );
}
