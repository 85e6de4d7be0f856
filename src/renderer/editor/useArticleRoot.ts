import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useState } from 'react';
import type { TextLayout } from './textLayout';

/**
 * The editor's root element, once Lexical has rendered every line of the article into it; until then null,
 * so plugins never map offsets onto a half-built DOM.
 */
export function useArticleRoot(layout: TextLayout): HTMLElement | null {
  const [editor] = useLexicalComposerContext();
  const [root, setRoot] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const check = () => {
      const element = editor.getRootElement();
      setRoot(element && element.children.length === layout.lines.length ? element : null);
    };
    const unregisterRoot = editor.registerRootListener(check);
    const unregisterUpdate = editor.registerUpdateListener(check);
    check();
    return () => {
      unregisterRoot();
      unregisterUpdate();
    };
  }, [editor, layout]);
  return root;
}
