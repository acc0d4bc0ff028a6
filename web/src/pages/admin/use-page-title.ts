// Sets the browser tab title for an admin page (WCAG 2.4.2), so staff and screen readers know where they are.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function usePageTitle(title: string): void {
  const { t } = useTranslation('admin');
  const suffix = t('area.titleSuffix');
  useEffect(() => {
    document.title = `${title} – ${suffix}`;
  }, [title, suffix]);
}
