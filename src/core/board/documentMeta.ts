/**
 * What the board needs to know of a document besides its spans: where it came from and when. Kept to a
 * function of the document id so the board does not depend on how the project stores metadata.
 */
import type { ProjectReader } from '../project/project';

export interface BoardDocumentMeta {
  title: string;
  fileName: string;
  outlet: string | null;
  published: string | null;
}

export type DocumentMetaOf = (documentId: string) => BoardDocumentMeta;

/** The project's own metadata of each document (migration 0007, document_meta). */
export function projectDocumentMeta(reader: ProjectReader): DocumentMetaOf {
  return (documentId) => {
    const document = reader.documents.summary(documentId);
    return {
      title: document?.title ?? '',
      fileName: document?.fileName ?? '',
      outlet: document?.outlet ?? null,
      published: document?.published ?? null,
    };
  };
}
