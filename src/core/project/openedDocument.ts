/**
 * A document as the window opens it: its text, provenance, annotations and links. An annotation whose offsets do not lie
 * inside the text (a file changed by another program after it was opened; the check at open refuses such a
 * file) is left out, with the links that touch it, and counted, so the article still opens readable instead
 * of the window failing to paint it.
 *
 * Every annotator's annotations come, each naming its annotator: the workbench's Layers control counts them
 * and shows or hides a layer in the renderer, so showing another layer costs no call and opening costs one
 * read of the document's annotations, as it did with one annotator.
 */
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { OpenedDocument } from '@shared/model';
import { checkSpanBounds, codePointLength } from '@shared/offsets';
import type { ProjectReader } from './project';

export function openDocument(project: ProjectReader, id: string): OpenedDocument {
  const document = project.documents.get(id);
  if (!document) throw new AppError('not_found', errorMessage('notFound.document', { id }));
  const length = codePointLength(document.text);
  const all = project.annotations.listByDocument(id);
  const annotations = all.filter((annotation) => checkSpanBounds(annotation, length) === null);
  const kept = new Set(annotations.map((annotation) => annotation.id));
  const relations = project.relations
    .listByDocument(id)
    .filter((relation) => kept.has(relation.fromId) && kept.has(relation.toId));
  const skipped = all.length - annotations.length;
  const meta = project.documents.meta(id)!;
  return skipped === 0
    ? { document, meta, annotations, relations }
    : { document, meta, annotations, relations, skippedAnnotations: skipped };
}
