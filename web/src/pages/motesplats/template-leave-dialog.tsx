// The template editor's warning before leaving with unsaved changes (in-app navigation, held by
// react-router's blocker): a modal <dialog>, so focus moves into it and stays there, Escape means "stay",
// and focus returns to where it was when it closes. "Stay" comes first and so has the focus.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function TemplateLeaveDialog({ open, onStay, onLeave }: { open: boolean; onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation('motesplats');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="mp-tpl-leave-title"
      aria-describedby="mp-tpl-leave-text"
      className="mp-leave-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onStay();
      }}
    >
      <h2 id="mp-tpl-leave-title">{t('templates.leaveTitle')}</h2>
      <p id="mp-tpl-leave-text">{t('templates.leaveText')}</p>
      <p className="mp-actions">
        <button type="button" className="mp-button" onClick={onStay}>
          {t('templates.leaveStay')}
        </button>
        <button type="button" className="mp-button mp-button-secondary" onClick={onLeave}>
          {t('templates.leaveGo')}
        </button>
      </p>
    </dialog>
  );
}
