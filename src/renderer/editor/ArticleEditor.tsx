/**
 * The article in a Lexical editor: one paragraph per line of the text, read-only (the text is data, and the
 * offsets of every annotation depend on it never changing), fully selectable. Highlights are painted over it
 * by the HighlightPlugin; the editor state itself holds nothing but the text.
 */
import { $createParagraphNode, $createTextNode, $getRoot, type ParagraphNode } from 'lexical';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { splitInvisibles } from '@shared/invisibleChars';
import type { Annotation, DocumentRecord, Label, Relation } from '@shared/model';
import { documentDirection, paragraphDirection, type TextDirection } from '@shared/direction';
import { useAppStore, useAppState } from '../state/useStore';
import { $createInvisibleCharNode, InvisibleCharNode } from './nodes/InvisibleCharNode/InvisibleCharNode';
import { HighlightPlugin } from './plugins/HighlightPlugin/HighlightPlugin';
import { BandsPlugin } from './plugins/BandsPlugin/BandsPlugin';
import { HoverPlugin } from './plugins/HoverPlugin/HoverPlugin';
import { LayersPlugin } from './plugins/LayersPlugin/LayersPlugin';
import { useLayerStyles } from '../state/useLayers';
import { DirectionPlugin } from './plugins/DirectionPlugin/DirectionPlugin';
import { PlacePlugin } from './plugins/PlacePlugin/PlacePlugin';
import { RevealPlugin } from './plugins/RevealPlugin/RevealPlugin';
import { SelectionPlugin } from './plugins/SelectionPlugin/SelectionPlugin';
import { SuggestionsPlugin } from './plugins/SuggestionsPlugin/SuggestionsPlugin';
import { TextLayout } from './textLayout';
import { useArticleRoot } from './useArticleRoot';
import { annotationsInWindow } from './lineWindow';
import { useLineWindow } from './useLineWindow';

/** A line as text nodes: plain runs, and a marker node for each invisible character. */
function appendLine(paragraph: ParagraphNode, line: string): void {
  for (const part of splitInvisibles(line))
    paragraph.append(part.invisible ? $createInvisibleCharNode(part.text) : $createTextNode(part.text));
}

interface Props {
  document: DocumentRecord;
  annotations: Annotation[];
  relations: Relation[];
  labels: Label[];
}

function ArticlePlugins({
  layout,
  directions,
  documentId,
  annotations,
  relations,
  labels,
}: Omit<Props, 'document'> & { layout: TextLayout; directions: TextDirection[]; documentId: string }) {
  const store = useAppStore();
  const root = useArticleRoot(layout);
  const view = useLineWindow(root, layout);
  // Filtered once for both painting plugins; none until the window is known.
  const inView = useMemo(() => (view ? annotationsInWindow(view, annotations) : []), [view, annotations]);
  const selectedId = useAppState((s) => s.selectedAnnotationId);
  const scrollRequest = useAppState((s) => s.scrollRequest);
  const revealRequest = useAppState((s) => s.revealRequest);
  const selection = useAppState((s) => s.selection);
  const scrollBackRequest = useAppState((s) => s.scrollBackRequest);
  const flipRequest = useAppState((s) => s.flipDirectionRequest);
  const layerStyles = useLayerStyles();
  return (
    <>
      <HighlightPlugin root={root} layout={layout} inView={inView} labels={labels} selectedId={selectedId} />
      <LayersPlugin root={root} layout={layout} inView={inView} styles={layerStyles} />
      <BandsPlugin
        root={root}
        layout={layout}
        inView={inView}
        relations={relations}
        labels={labels}
        selectedId={selectedId}
        view={view}
      />
      <SelectionPlugin
        root={root}
        layout={layout}
        store={store}
        annotations={annotations}
        selectedId={selectedId}
      />
      <RevealPlugin
        root={root}
        layout={layout}
        annotations={annotations}
        scrollRequest={scrollRequest}
        revealRequest={revealRequest}
        selection={selection}
      />
      <HoverPlugin root={root} layout={layout} annotations={annotations} labels={labels} />
      <PlacePlugin
        root={root}
        layout={layout}
        documentId={documentId}
        scrollBackRequest={scrollBackRequest}
        remember={store.rememberPlace}
      />
      <SuggestionsPlugin
        root={root}
        layout={layout}
        view={view}
        store={store}
        documentId={documentId}
        annotations={annotations}
      />
      <DirectionPlugin
        root={root}
        documentId={documentId}
        natural={(line) => directions[line] ?? 'ltr'}
        flipRequest={flipRequest}
        store={store}
      />
    </>
  );
}

export function ArticleEditor({ document, annotations, relations, labels }: Props) {
  const { t } = useTranslation('workbench');
  const layout = useMemo(() => new TextLayout(document.text), [document.text]);
  const directions = useMemo(() => {
    const documentDir = documentDirection(layout.text);
    return layout.lines.map((line) => paragraphDirection(line, documentDir));
  }, [layout]);
  const initialConfig = useMemo(
    () => ({
      namespace: 'spanlight-article',
      editable: false,
      nodes: [InvisibleCharNode],
      theme: { paragraph: 'article-paragraph' },
      onError: (error: Error) => {
        throw error;
      },
      editorState: () => {
        const root = $getRoot();
        layout.lines.forEach((line, index) => {
          // The dominant script decides, not the first strong letter (the browser's rule for dir=auto).
          const paragraph = $createParagraphNode().setDirection(directions[index]!);
          appendLine(paragraph, line);
          root.append(paragraph);
        });
      },
    }),
    [layout, directions],
  );
  return (
    <LexicalComposer key={document.id} initialConfig={initialConfig}>
      <PlainTextPlugin
        contentEditable={
          // Read-only, so not focusable by itself: tabIndex lets the keyboard reach the text (and scroll it).
          <ContentEditable
            className="article"
            aria-label={t('article.text')}
            spellCheck={false}
            tabIndex={0}
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <ArticlePlugins
        layout={layout}
        directions={directions}
        documentId={document.id}
        annotations={annotations}
        relations={relations}
        labels={labels}
      />
    </LexicalComposer>
  );
}
