// The counts of a retention run or an erasure, per kind of data, as a small two-column table. Not in the
// scrolling table wrapper: two columns fit a phone once long Swedish compounds may break.
import { useTranslation } from 'react-i18next';
import type { RetentionCounts } from '../../../../contracts/privacy.ts';

const KINDS: ReadonlyArray<keyof RetentionCounts> = [
  'visits', 'transferNotes', 'bookings', 'bookingsCancelled', 'households', 'members', 'stepNotes', 'stepReasons', 'smsOutbox', 'emailOutbox', 'sessions',
];

export function PrivacyCounts({ counts, caption }: { counts: RetentionCounts; caption: string }) {
  const { t } = useTranslation('admin');
  return (
    <table className="admin-table" style={{ overflowWrap: 'anywhere' }}>
      <caption className="admin-vh">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('privacy.countKind')}</th>
          <th scope="col">{t('privacy.countRows')}</th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map((k) => (
          <tr key={k}>
            <th scope="row">{t(`privacy.count.${k}`)}</th>
            <td>{counts[k]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
