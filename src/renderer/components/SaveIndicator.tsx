import { useAppState } from '../state/useStore';

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString();
}

/** Says whether the changes are on disk: "Saved" only once main has committed every change in flight. */
export function SaveIndicator() {
  const save = useAppState((s) => s.save);
  let text: string;
  switch (save.kind) {
    case 'idle':
      text = 'All changes saved';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'saved':
      text = `${save.what ? `${save.what} · ` : ''}Saved ${time(save.at)}`;
      break;
    case 'error':
      text = `Not saved: ${save.message}`;
      break;
  }
  return (
    <span
      className={`save-indicator save-${save.kind}`}
      role="status"
      aria-live="polite"
      data-testid="save-indicator"
      title={text}
    >
      {text}
    </span>
  );
}
