// The kiosk's first screen: one big button per visitor language, each name written in its own language.
import { useTranslation } from 'react-i18next';
import { VISITOR_LANGUAGES, type VisitorLanguageCode } from '../../i18n/index.ts';
import { useFocusHeading } from './use-focus-heading.ts';

interface Props {
  current: VisitorLanguageCode;
  onChoose: (code: VisitorLanguageCode) => void;
}

export function VisitorLanguageButtons({ current, onChoose }: Props) {
  const { t } = useTranslation('visits');
  const heading = useFocusHeading();
  return (
    <section className="kiosk-step" aria-labelledby="kiosk-language-title">
      <h1 id="kiosk-language-title" ref={heading} tabIndex={-1}>
        {t('kiosk.languageTitle')}
      </h1>
      <p className="kiosk-lead">{t('kiosk.languageHint')}</p>
      <ul className="kiosk-languages">
        {VISITOR_LANGUAGES.map((l) => (
          <li key={l.code}>
            <button
              type="button"
              className="kiosk-big-button"
              lang={l.code}
              dir={l.dir}
              aria-current={l.code === current ? 'true' : undefined}
              onClick={() => onChoose(l.code)}
            >
              {l.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
