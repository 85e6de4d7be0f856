/**
 * Label Studio JSON: an array of tasks, one a document. Each task has an `id` (its position, from 1: the
 * converter of Label Studio's SDK reads `task["id"]` for every task, and Label Studio itself gives tasks
 * new ids on import, so nothing else hangs on it). `data` holds the text (and Spanlight's id, title
 * and status, and the provenance that is known, for a labeling config to show as `$outlet`, `$published`...);
 * the task's `meta` holds the whole provenance, extra keys too; `annotations` holds one annotation per annotator, whose `result` has a `labels` region per
 * span (id, start, end, text in code points, as Label Studio counts them), its note as the region's
 * `meta.text`, each attribute as a per-region result sharing the span's id (`choices`, `number` or
 * `textarea`, `from_name` = the attribute's name), and a `relation` per link. The labeling config that
 * matches: `<Labels name="label" toName="text">` over `<Text name="text" value="$text"/>`.
 */
import type { AttributeValue } from '@shared/model';
import type { ExportDocument, ExportedSpan } from '../dataset';
import { textFormat } from './format';
import { knownProvenance, provenanceRecord } from './provenance';

function attributeResult(span: ExportedSpan, name: string, value: AttributeValue) {
  const base = { id: span.id, from_name: name, to_name: 'text', origin: 'manual' };
  const where = { start: span.start, end: span.end, text: span.text };
  if (typeof value === 'number') return { ...base, type: 'number', value: { ...where, number: value } };
  if (typeof value === 'boolean')
    return { ...base, type: 'choices', value: { ...where, choices: [String(value)] } };
  return { ...base, type: 'textarea', value: { ...where, text: [value] } };
}

function task({ document, spans, relations }: ExportDocument, position: number) {
  const byAnnotator = new Map<string | null, ExportedSpan[]>();
  for (const span of spans) {
    const group = byAnnotator.get(span.annotator);
    if (group) group.push(span);
    else byAnnotator.set(span.annotator, [span]);
  }
  const annotatorOf = new Map(spans.map((s) => [s.id, s.annotator]));
  const annotations = [...byAnnotator].map(([annotator, group]) => ({
    spanlight_annotator: annotator,
    result: [
      ...group.flatMap((span) => [
        {
          id: span.id,
          from_name: 'label',
          to_name: 'text',
          type: 'labels',
          origin: 'manual',
          value: { start: span.start, end: span.end, text: span.text, labels: [span.label] },
          ...(span.note ? { meta: { text: [span.note] } } : {}),
        },
        ...Object.entries(span.attributes).map(([name, value]) => attributeResult(span, name, value)),
      ]),
      ...relations
        .filter((r) => annotatorOf.get(r.from) === annotator)
        .map((r) => ({
          from_id: r.from,
          to_id: r.to,
          type: 'relation',
          direction: 'right',
          labels: [r.type],
          spanlight_id: r.id,
        })),
    ],
  }));
  return {
    id: position + 1,
    data: {
      ...Object.fromEntries(knownProvenance(document.meta)),
      text: document.text,
      title: document.title,
      spanlight_id: document.id,
      status: document.status,
    },
    meta: provenanceRecord(document.meta),
    annotations,
  };
}

export const labelStudio = textFormat({
  header: () => '[',
  document: (item, _context, position) =>
    (position === 0 ? '\n' : ',\n') + JSON.stringify(task(item, position)),
  footer: () => '\n]\n',
});
