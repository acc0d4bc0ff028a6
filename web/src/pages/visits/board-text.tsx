// The display board speaks Swedish with English below in smaller text, whatever the browser's language.
import { useTranslation } from 'react-i18next';

export function useBoardText() {
  const { i18n } = useTranslation('visits');
  return { sv: i18n.getFixedT('sv', 'visits'), en: i18n.getFixedT('en', 'visits') };
}

interface Props {
  k: string;
  values?: Record<string, string | number>;
}

export function Bilingual({ k, values }: Props) {
  const { sv, en } = useBoardText();
  return (
    <>
      <span className="bi-sv">{sv(k, values)}</span>{' '}
      <span className="bi-en" lang="en">
        {en(k, values)}
      </span>
    </>
  );
}
