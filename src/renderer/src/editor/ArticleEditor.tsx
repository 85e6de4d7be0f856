/**
 * The article in a Lexical editor: one paragraph per line of the text, read-only (the text is data, and the
 * offsets of every annotation depend on it never changing), fully selectable. Highlights are painted over it
 * by the HighlightPlugin; the editor state itself holds nothing but the text.
 */
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { useMemo } from 'react';
import type { Annotation, DocumentRecord, Label } from '@shared/model';
import { useAppStore, useAppState } from '../state/useStore';
import { HighlightPlugin } from './plugins/HighlightPlugin/HighlightPlugin';
import { ScrollToAnnotationPlugin } from './plugins/ScrollToAnnotationPlugin/ScrollToAnnotationPlugin';
import { SelectionPlugin } from './plugins/SelectionPlugin/SelectionPlugin';
import { TextLayout } from './textLayout';
import { useArticleRoot } from './useArticleRoot';

interface Props {
  document: DocumentRecord;
  annotations: Annotation[];
  labels: Label[];
}

function ArticlePlugins({ layout, annotations, labels }: { layout: TextLayout; annotations: Annotation[]; labels: Label[] }) {
  const store = useAppStore();
  const root = useArticleRoot(layout);
  const selectedId = useAppState((s) => s.selectedAnnotationId);
  const scrollRequest = useAppState((s) => s.scrollRequest);
  return (
    <>
      <HighlightPlugin root={root} layout={layout} annotations={annotations} labels={labels} selectedId={selectedId} />
      <SelectionPlugin root={root} layout={layout} store={store} annotations={annotations} selectedId={selectedId} />
      <ScrollToAnnotationPlugin root={root} layout={layout} annotations={annotations} request={scrollRequest} />
    </>
  );
}

export function ArticleEditor({ document, annotations, labels }: Props) {
  const layout = useMemo(() => new TextLayout(document.text), [document.text]);
  const initialConfig = useMemo(
    () => ({
      namespace: 'spanlight-article',
      editable: false,
      theme: { paragraph: 'article-paragraph' },
      onError: (error: Error) => {
        throw error;
      },
      editorState: () => {
        const root = $getRoot();
        for (const line of layout.lines) {
          const paragraph = $createParagraphNode();
          if (line) paragraph.append($createTextNode(line));
          root.append(paragraph);
        }
      },
    }),
    [layout],
  );
  return (
    <LexicalComposer key={document.id} initialConfig={initialConfig}>
      <PlainTextPlugin
        contentEditable={<ContentEditable className="article" aria-label="Article text" spellCheck={false} />}
        ErrorBoundary={LexicalErrorBoundary}
      />
      <ArticlePlugins layout={layout} annotations={annotations} labels={labels} />
    </LexicalComposer>
  );
}
