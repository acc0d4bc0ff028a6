// Cells shared by the day view's tables: minutes, or "no figure" shown as a dash and said in words.
import { useTranslation } from 'react-i18next';
import { formatMinutes } from './day-model.ts';

export function NoFigure() {
  const { t } = useTranslation('visits');
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('day.none')}</span>
    </>
  );
}

export function MinutesText({ minutes }: { minutes: number | null }) {
  const { t, i18n } = useTranslation('visits');
  if (minutes === null) return <NoFigure />;
  return <>{t('day.minutes', { value: formatMinutes(minutes, i18n.language) })}</>;
}
