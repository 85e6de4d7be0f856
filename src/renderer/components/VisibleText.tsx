/**
 * User and imported text shown outside the article (document titles, notes, label names, attribute values,
 * annotators, snippets of the text, notices that quote file names): its invisible characters are drawn the
 * way the article draws them, a faint ◇ that names the character on hover, so a bidi override cannot reorder
 * the interface around it (a note `safe\u202egnp.exe` must not read "safeexe.png"). Display only: the stored
 * data is unchanged, and fields that edit it show it as it is. Every such string goes through this component,
 * or through `visibleText` where only a string can go (a `title` attribute, an `<option>`).
 */
import type { ReactNode } from 'react';
import { INVISIBLE_MARKER, describeChar, revealInvisibles, splitInvisibles } from '@shared/invisibleChars';

export function VisibleText({ text }: { text: string }): ReactNode {
  const parts = splitInvisibles(text);
  if (!parts.some((part) => part.invisible)) return text;
  return parts.map((part, i) =>
    part.invisible ? (
      <span key={i} className="invisible-char" title={describeChar(part.text)}>
        {INVISIBLE_MARKER}
      </span>
    ) : (
      part.text
    ),
  );
}

/** The same for a plain string: each invisible character becomes the ◇ marker. */
export function visibleText(text: string): string {
  return revealInvisibles(text);
}

/**
 * Beside a field that edits such text (which must show it as it is, or saving would change it): names each
 * invisible character it holds, so what the field cannot show is still said. Nothing when there is none.
 */
export function InvisibleCharsNote({ text }: { text: string }): ReactNode {
  const found = [
    ...new Set(
      splitInvisibles(text)
        .filter((part) => part.invisible)
        .map((part) => part.text),
    ),
  ];
  if (found.length === 0) return null;
  return (
    <span className="invisible-chars-note" data-testid="invisible-chars-note">
      Holds {found.map((ch) => `${INVISIBLE_MARKER} ${describeChar(ch)}`).join(', ')}
    </span>
  );
}
