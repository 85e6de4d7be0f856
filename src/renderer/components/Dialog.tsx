import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog: focus moves into it, Escape (handled by the shortcuts) or the × closes it. */
export function Dialog({
  title,
  onClose,
  children,
  wide,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>(
      'input, select, textarea, button:not(.dialog-close)',
    );
    (first ?? box.current)?.focus();
  }, []);
  return (
    // A click beside the dialog closes it; the keyboard closes it with Escape or the × button.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- see above
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className={`dialog${wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        ref={box}
        tabIndex={-1}
      >
        <div className="dialog-head">
          <h2>{title}</h2>
          <button className="dialog-close link-button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </div>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}
