// Names joined as the UI language joins lists ("A, B och C"), each keeping its own language attributes.
import { Fragment, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../lib/locale-format.ts';

interface Props {
  names: string[];
  itemProps?: HTMLAttributes<HTMLElement>;
  /** 'unit' joins without "and" in most languages ("09–12, 13–16"). */
  type?: 'conjunction' | 'unit';
}

export function NameList({ names, itemProps = {}, type = 'conjunction' }: Props) {
  const { i18n } = useTranslation();
  const parts = new Intl.ListFormat(intlLocale(i18n.language), { type, style: 'short' }).formatToParts(names);
  return (
    <>
      {parts.map((part, i) =>
        part.type === 'element' ? (
          <span key={i} {...itemProps}>
            {part.value}
          </span>
        ) : (
          <Fragment key={i}>{part.value}</Fragment>
        ),
      )}
    </>
  );
}
