/**
 * Keeps one part of the window from blanking all of it: a render error below (a hostile label name, a bad
 * row) shows a message where that part was, and the rest of the window (the article above all) stays. React
 * catches render errors only in a class component with getDerivedStateFromError.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18n } from '../i18n/i18n';

export interface ErrorBoundaryProps {
  /** What failed, for the message: "The article", "This dialog". */
  part: string;
  /** Given for a dialog: its message then sits in a dialog with a Close button. */
  onClose?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.part} could not be shown:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { part, onClose } = this.props;
    // No hook in a class: the boundary re-renders with its parent, which follows the language.
    const t = (key: string, options?: Record<string, string>) => i18n.t(key, { ns: 'common', ...options });
    const message = (
      <div className="render-error" role="alert" data-testid="render-error">
        <p>
          <strong>{t('renderError.title', { part })}</strong> {t('renderError.body')}
        </p>
        <p className="muted">{error.message}</p>
        <p>
          <button onClick={() => this.setState({ error: null })}>{t('action.tryAgain')}</button>{' '}
          {onClose && <button onClick={onClose}>{t('action.close')}</button>}
        </p>
      </div>
    );
    if (!onClose) return message;
    return (
      <div className="dialog-backdrop">
        <div className="dialog" role="dialog" aria-modal="true" aria-label={part}>
          <div className="dialog-body">{message}</div>
        </div>
      </div>
    );
  }
}
