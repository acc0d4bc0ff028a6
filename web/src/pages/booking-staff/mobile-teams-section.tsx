// The hub office's mobile teams on the planning page: create a team and rename one (office manager). A
// team needs a name, unique within the office; the server's refusals land on the name field by their
// reason, in a GOV.UK error summary as on the visit form.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MobileTeam, MobileTeamInput } from '../../../../contracts/booking.ts';
import { api, ApiError } from '../../lib/api.ts';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { errorsFromChecks, NO_ERRORS, resolveFieldId, type FormErrors } from '../admin/form-errors.ts';
import { TextField } from '../admin/form-fields.tsx';
import { planningErrorMessage } from './mobile-visit-form.tsx';

const NAME_ID = 'team-name';

interface FormProps {
  officeId: string;
  /** The team to rename; null to create one. */
  team: MobileTeam | null;
  onSaved: (saved: MobileTeam) => void;
  onCancel: () => void;
}

function TeamForm({ officeId, team, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation('bookingStaff');
  const [name, setName] = useState(team?.name ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // The form opens below the list: focus its heading so keyboard and screen reader users land in it.
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = errorsFromChecks(name.trim() ? [] : [[NAME_ID, t('planning.errors.name_required')]]);
    setErrors(found);
    if (found.list.length > 0) return;
    setBusy(true);
    const body: MobileTeamInput = { name };
    const enc = encodeURIComponent(officeId);
    try {
      onSaved(team
        ? await api.patch<MobileTeam>(`/offices/${enc}/mobile-teams/${encodeURIComponent(team.id)}`, body)
        : await api.post<MobileTeam>(`/offices/${enc}/mobile-teams`, body));
    } catch (err) {
      const target = err instanceof ApiError ? resolveFieldId(err.field, { name: NAME_ID }) : null;
      const message = planningErrorMessage(err, t);
      setErrors(target ? errorsFromChecks([[target, message]]) : { kind: 'input', list: [{ targetId: null, message }], byId: {} });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="admin-form" aria-labelledby="team-form-title">
      <h3 id="team-form-title" tabIndex={-1} ref={titleRef}>
        {team ? t('teams.renameTitle', { team: team.name }) : t('teams.addTitle')}
      </h3>
      <ErrorSummary errors={errors} />
      <TextField id={NAME_ID} label={t('teams.name')} hint={t('teams.nameHint')} width="medium" value={name} onChange={setName} errors={errors} />
      <p className="admin-actions">
        <button type="submit" className="admin-button" disabled={busy}>
          {team ? t('teams.saveName') : t('teams.add')}
        </button>{' '}
        <button type="button" className="admin-button admin-button-secondary" onClick={onCancel}>
          {t('planning.close')}
        </button>
      </p>
    </form>
  );
}

interface Props {
  officeId: string;
  teams: MobileTeam[];
  onSaved: (saved: MobileTeam, created: boolean) => void;
}

export function MobileTeamsSection({ officeId, teams, onSaved }: Props) {
  const { t } = useTranslation('bookingStaff');
  /** The open form: 'new', a team to rename, or none. */
  const [editing, setEditing] = useState<MobileTeam | 'new' | null>(null);
  return (
    <section className="admin-section" aria-labelledby="planning-teams-title">
      <h2 id="planning-teams-title">{t('teams.title')}</h2>
      {teams.length === 0 ? (
        <p>{t('planning.noTeams')}</p>
      ) : (
        <ul>
          {teams.map((team) => (
            <li key={team.id}>
              {team.name}{' '}
              <button type="button" className="admin-button admin-button-small admin-button-secondary" onClick={() => setEditing(team)}>
                {t('teams.rename')}
                <span className="visually-hidden"> {team.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <TeamForm
          key={editing === 'new' ? 'new' : editing.id}
          officeId={officeId}
          team={editing === 'new' ? null : editing}
          onSaved={(saved) => {
            onSaved(saved, editing === 'new');
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="admin-button admin-button-secondary" onClick={() => setEditing('new')}>
          {t('teams.open')}
        </button>
      )}
    </section>
  );
}
