// Tier, Mötesplats and demo labels of an office, as text (never colour alone).
import { useTranslation } from 'react-i18next';
import type { OfficeTier } from '../../../contracts/registry.ts';

interface Props {
  tier: OfficeTier;
  isMotesplats: boolean;
  isDemo?: boolean;
}

export function OfficeBadges({ tier, isMotesplats, isDemo = false }: Props) {
  const { t } = useTranslation('common');
  return (
    <span className="badges">
      <span className={`badge badge-${tier}`}>{t(`tier.${tier}`)}</span>
      {isMotesplats && <span className="badge badge-motesplats">{t('motesplats')}</span>}
      {isDemo && <span className="badge badge-demo">{t('demo')}</span>}
    </span>
  );
}
