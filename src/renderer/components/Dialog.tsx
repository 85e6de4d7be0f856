import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves into it (to the field marked `data-autofocus`, else the first field), Tab
 * stays inside it, and when it closes the focus goes back where it was. Escape (handled by the shortcuts)
 * or the × closes it.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
  readOnly,
  className,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** Nothing to operate inside (the cheat sheet): the body itself takes the focus, so keys can scroll it. */
  readOnly?: boolean;
  /** A class of its own, for a screen that fills the window (the claim board). */
  className?: string;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    const first =
      box.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      box.current?.querySelector<HTMLElement>('input, select, textarea, button:not(.dialog-close)');
    (first ?? box.current)?.focus();
    const dialog = box.current;
    const trapTab = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || !dialog) return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (focusable.length === 0) return;
      const firstField = focusable[0]!;
      const last = focusable[focusable.length - 1]!;
      const active = document.activeElement;
      if (event.shiftKey && (active === firstField || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        firstField.focus();
      }
    };
    dialog?.addEventListener('keydown', trapTab);
    return () => {
      dialog?.removeEventListener('keydown', trapTab);
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    // A click beside the dialog closes it; the keyboard closes it with Escape or the × button.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- see above
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className={`dialog${wide ? ' wide' : ''}${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        ref={box}
        tabIndex={-1}
      >
        <div className="dialog-head">
          <h2>{title}</h2>
          <button className="dialog-close link-button" onClick={onClose} aria-label={t('action.close')}>
            ×
          </button>
        </div>
        {/* A scrollable body with nothing to operate must still be reachable by the keyboard to scroll. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above */}
        <div className="dialog-body" tabIndex={readOnly ? 0 : undefined}>
          {children}
        </div>
      </div>
    </div>
  );
}
