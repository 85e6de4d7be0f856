import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerStatus } from '@shared/layers';
import type { DocumentStatus } from '@shared/model';
import { useAppState, useAppStore } from '../state/useStore';
import '../styles/layers.css';

/** A mark a status, so the column reads without its colours. */
const MARKS: Record<DocumentStatus, string> = { todo: '○', in_progress: '◐', done: '✓', skipped: '–' };

/**
 * "Ana" → "An", "Ben Ali" → "BA": short enough for a row, the full name in the tooltip and for readers.
 * Letters and digits only: a name's invisible or direction-changing characters must not reach the badge.
 */
export function initialsOf(name: string): string {
  const visible = (word: string) => Array.from(word).filter((ch) => /[\p{L}\p{N}]/u.test(ch));
  const words = name
    .split(/\s+/u)
    .map(visible)
    .filter((letters) => letters.length > 0);
  if (words.length === 0) return '?';
  return (words.length > 1 ? words.map((letters) => letters[0]!) : words[0]!.slice(0, 2)).join('');
}

/** Everyone's status per document, by document id, loaded while the team column shows. */
export function useTeamStatuses(): Map<string, LayerStatus[]> | null {
  const statuses = useAppState((s) => (s.teamColumn ? s.teamStatuses : null));
  return useMemo(() => {
    if (!statuses) return null;
    const byDocument = new Map<string, LayerStatus[]>();
    for (const status of statuses) {
      const list = byDocument.get(status.documentId) ?? [];
      list.push(status);
      byDocument.set(status.documentId, list);
    }
    for (const list of byDocument.values())
      list.sort((a, b) => (a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0));
    return byDocument;
  }, [statuses]);
}

/**
 * One document's team column: each annotator's status as a mark and initials, with text for readers. The
 * user's own status is the list's (always current: each change answers it), the others' as last loaded.
 */
export function TeamStatuses({
  statuses,
  own,
  ownStatus,
}: {
  statuses: LayerStatus[] | undefined;
  own: string | null;
  ownStatus: DocumentStatus;
}) {
  const { t } = useTranslation('team');
  const others = (statuses ?? []).filter((s) => s.annotator !== own);
  const everyone = own ? [{ annotator: own, status: ownStatus }, ...others] : others;
  return (
    <span className="team-statuses" data-testid="team-statuses">
      {everyone.map(({ annotator, status }) => {
        const text = t('team.statusOf', { annotator, status: t(`status.${status}`) });
        return (
          // Read as its text ("Ben: Done"), not as a mark and initials.
          <span
            key={annotator}
            className={`team-status status-${status}`}
            title={text}
            role="img"
            aria-label={text}
          >
            {MARKS[status]} {initialsOf(annotator)}
          </span>
        );
      })}
    </span>
  );
}

/** The switch of the team column, in the document list's title. */
export function TeamToggle() {
  const { t } = useTranslation('team');
  const store = useAppStore();
  const shown = useAppState((s) => s.teamColumn);
  return (
    <button
      className="team-toggle"
      aria-pressed={shown}
      title={t('team.toggleTitle')}
      onClick={() => void store.toggleTeamColumn()}
    >
      {t('team.toggle')}
    </button>
  );
}
