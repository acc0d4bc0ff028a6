// The board's staffing section: the day's officers and interpreters, and for the coordinator the
// editor, open from the start on a day nobody is staffed yet (and kept open after saving).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayResources } from '../../../../contracts/motesplats.ts';
import { ResourcesEditor } from './resources-editor.tsx';
import { ResourcesSummary } from './resources-summary.tsx';

interface Props {
  officeId: string;
  date: string;
  resources: DayResources;
  mayManage: boolean;
  onSaved: () => void;
}

export function ResourcesSection({ officeId, date, resources, mayManage, onSaved }: Props) {
  const { t } = useTranslation('motesplats');
  const [open, setOpen] = useState(() => resources.officers.length === 0);
  return (
    <section className="mp-section" aria-labelledby="mp-resources-title" id="bemanning">
      <h2 id="mp-resources-title">{t('resources.title')}</h2>
      <ResourcesSummary resources={resources} />
      {mayManage && (
        <details className="mp-edit-resources" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('resources.edit')}</summary>
          <ResourcesEditor officeId={officeId} date={date} resources={resources} onSaved={onSaved} />
        </details>
      )}
    </section>
  );
}
