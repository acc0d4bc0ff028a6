// Small display helpers shared by the admin pages: names in the current language and sorting.
export interface Named {
  nameSv: string;
  nameEn: string;
}

/** Staff pages are Swedish first; English names are shown when the interface is in English. */
export function localName(item: Named, lang: string): string {
  return lang.startsWith('en') ? item.nameEn : item.nameSv;
}

export function byLocalName<T extends Named>(lang: string): (a: T, b: T) => number {
  return (a, b) => localName(a, lang).localeCompare(localName(b, lang), 'sv');
}

/** ISO weekdays, 1 = Monday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
