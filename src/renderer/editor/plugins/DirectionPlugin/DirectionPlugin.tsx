/**
 * Paragraph directions: each paragraph starts in the direction of its dominant script (set when the editor
 * state is built, see ArticleEditor), then takes the direction the user set for it, and Ctrl+Shift+X flips
 * the paragraph at the caret. Only the paragraph's `dir` changes: the text, and so every offset, stays.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isParagraphNode } from 'lexical';
import { useEffect, useRef } from 'react';
import type { TextDirection } from '@shared/direction';
import type { AppStore } from '../../../state/store';

interface Props {
  root: HTMLElement | null;
  documentId: string;
  /** The direction each paragraph has from its script. */
  natural: (line: number) => TextDirection;
  flipRequest: number;
  store: Pick<AppStore, 'directionOverrides' | 'setParagraphDirection'>;
}

/** The paragraph of the article that holds the caret (the selection's focus), if any. */
function lineAtCaret(root: HTMLElement): number | null {
  let node = document.getSelection()?.focusNode ?? null;
  while (node && node.parentNode !== root) node = node.parentNode;
  if (!node) return null;
  const line = Array.prototype.indexOf.call(root.children, node) as number;
  return line < 0 ? null : line;
}

export function DirectionPlugin({ root, documentId, natural, flipRequest, store }: Props): null {
  const [editor] = useLexicalComposerContext();
  const firstRequest = useRef(flipRequest);

  const setDirection = (line: number, direction: TextDirection) =>
    editor.update(() => {
      const paragraph = $getRoot().getChildAtIndex(line);
      if ($isParagraphNode(paragraph)) paragraph.setDirection(direction);
    });

  useEffect(() => {
    let current = true;
    void store.directionOverrides(documentId).then((overrides) => {
      if (!current) return;
      for (const [line, direction] of Object.entries(overrides)) setDirection(Number(line), direction);
    });
    return () => {
      current = false;
    };
    // Read once per document: later flips are applied where they are made.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the document is the key; the rest is stable
  }, [documentId]);

  useEffect(() => {
    if (!root || flipRequest === firstRequest.current) return;
    firstRequest.current = flipRequest;
    const line = lineAtCaret(root);
    if (line === null) return;
    const now = (root.children[line] as HTMLElement).dir === 'rtl' ? 'rtl' : 'ltr';
    const flipped: TextDirection = now === 'rtl' ? 'ltr' : 'rtl';
    setDirection(line, flipped);
    void store.setParagraphDirection(documentId, line, flipped === natural(line) ? null : flipped);
    // Only a new request flips; the document and the callbacks are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [root, flipRequest]);

  return null;
}
