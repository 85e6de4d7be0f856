/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/), one JSON-LD document whose `@graph` holds, for
 * each document, the text itself (a `Text` resource whose `value` is the whole text) followed by one
 * `Annotation` per span. A span's target is that text with a TextPositionSelector (start/end in code points,
 * as the model requires) and a TextQuoteSelector (exact, with a prefix and suffix of at least 32 code points,
 * longer where needed for the quote to match only its own place: textQuote.ts); its
 * body is the label (purpose `tagging`), the note (`commenting`) and the attributes (`spanlight:attributes`).
 * A link is an Annotation with motivation `linking` whose targets are the two span annotations, from first.
 * The text resource carries its provenance in terms the model's context defines: `language` (dc:language),
 * `via` (oa:via, the address it was retrieved from, when that is an absolute IRI), `dcterms:publisher` (the
 * outlet), `dcterms:issued` (the publication date), `dcterms:identifier` (the external id); and Spanlight's
 * own `spanlight:fileName`, `spanlight:url` (an address that is no IRI) and `spanlight:extra` (a JSON literal).
 */
import type { DocumentMeta } from '@shared/model';
import { timesOf, type ExportDocument } from '../dataset';
import { textFormat, type ExportFormatModule } from './format';
import { uniqueQuoteContext } from './textQuote';

const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { spanlight: 'https://spanlight.dev/ns#' }];

export const documentIri = (id: string) => `urn:spanlight:document:${encodeURIComponent(id)}`;
export const spanIri = (id: string) => `urn:spanlight:span:${encodeURIComponent(id)}`;

/** An absolute IRI (a scheme first): what `via`, typed @id, can hold without a base to resolve against. */
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/** The provenance of a Text resource, each known field in the term the model's context (or ours) gives it. */
function provenanceTerms(meta: DocumentMeta): Record<string, unknown> {
  const terms: Record<string, unknown> = { 'spanlight:fileName': meta.fileName };
  if (meta.language !== null) terms.language = meta.language;
  if (meta.url !== null) terms[ABSOLUTE_IRI.test(meta.url) ? 'via' : 'spanlight:url'] = meta.url;
  if (meta.outlet !== null) terms['dcterms:publisher'] = meta.outlet;
  if (meta.published !== null) terms['dcterms:issued'] = meta.published;
  if (meta.externalId !== null) terms['dcterms:identifier'] = meta.externalId;
  if (Object.keys(meta.extra).length > 0)
    terms['spanlight:extra'] = { '@type': '@json', '@value': meta.extra };
  return terms;
}

function nodes({ document, index, spans, relations }: ExportDocument): unknown[] {
  const source = documentIri(document.id);
  const textNode = {
    id: source,
    type: 'Text',
    format: 'text/plain',
    label: document.title,
    value: document.text,
    'spanlight:status': document.status,
    ...provenanceTerms(document.meta),
  };
  const annotations = spans.map((span) => ({
    id: spanIri(span.id),
    type: 'Annotation',
    motivation: 'tagging',
    ...(span.annotator ? { creator: { type: 'Person', name: span.annotator } } : {}),
    created: timesOf(span).createdAt,
    modified: timesOf(span).updatedAt,
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: span.label },
      ...(span.note ? [{ type: 'TextualBody', purpose: 'commenting', value: span.note }] : []),
    ],
    ...(Object.keys(span.attributes).length
      ? { 'spanlight:attributes': { '@type': '@json', '@value': span.attributes } }
      : {}),
    target: {
      source,
      selector: [
        { type: 'TextPositionSelector', start: span.start, end: span.end },
        {
          type: 'TextQuoteSelector',
          exact: span.text,
          ...uniqueQuoteContext(index, span.start, span.end),
        },
      ],
    },
  }));
  const links = relations.map((r) => ({
    id: `urn:spanlight:link:${encodeURIComponent(r.id)}`,
    type: 'Annotation',
    motivation: 'linking',
    body: { type: 'TextualBody', purpose: 'tagging', value: r.type },
    target: [spanIri(r.from), spanIri(r.to)],
  }));
  return [textNode, ...annotations, ...links];
}

export const webanno: ExportFormatModule = {
  spanTimes: true,
  ...textFormat({
    header: (context) =>
      `{"@context":${JSON.stringify(CONTEXT)},"id":"urn:spanlight:export:${encodeURIComponent(context.projectName)}","label":${JSON.stringify(context.projectName)},"@graph":[`,
    document: (item, _context, position) =>
      nodes(item)
        .map((node, i) => (position === 0 && i === 0 ? '\n' : ',\n') + JSON.stringify(node))
        .join(''),
    footer: () => '\n]}\n',
  }),
};
