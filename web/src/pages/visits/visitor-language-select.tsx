// Language menu of the visitor's ticket page: the seven visitor languages, each named in its own language.
import { useTranslation } from 'react-i18next';
import { VISITOR_LANGUAGES, type VisitorLanguageCode } from '../../i18n/index.ts';
import { isVisitorLanguage } from './use-visitor-language.ts';

interface Props {
  value: VisitorLanguageCode;
  onChange: (code: VisitorLanguageCode) => void;
}

export function VisitorLanguageSelect({ value, onChange }: Props) {
  const { t } = useTranslation('visits');
  return (
    <div className="visit-language">
      <label htmlFor="visit-language">{t('ticket.languageLabel')}</label>
      <select
        id="visit-language"
        value={value}
        onChange={(e) => {
          if (isVisitorLanguage(e.target.value)) onChange(e.target.value);
        }}
      >
        {VISITOR_LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
