import { createHash, randomUUID } from 'node:crypto';
import { emptyMetaFields } from '@shared/documentMeta';
import type { DocumentMetaFields } from '@shared/model';
import { codePointLength } from '@shared/offsets';
import type { NewDocument } from '../repositories/documents';
import { detectLanguage } from './language';

/** The title of an article: its first non-empty line, without the spaces around it. */
export function titleOf(text: string): string {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) return trimmed;
  }
  return '';
}

export function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A document to insert. Its provenance is what the file gave (`meta`), with the language found from the text
 * when the file does not name one (a language the file gives as null stays unknown).
 */
export function newDocument(
  fileName: string,
  text: string,
  importedAt: string,
  fields: Partial<Omit<NewDocument, 'meta'>> & { meta?: Partial<DocumentMetaFields> } = {},
): NewDocument {
  const meta = { ...emptyMetaFields(), ...fields.meta };
  return {
    id: fields.id ?? randomUUID(),
    title: fields.title ?? titleOf(text),
    fileName,
    text,
    sha256: sha256Of(text),
    length: codePointLength(text),
    importedAt,
    meta: { ...meta, language: fields.meta?.language !== undefined ? meta.language : detectLanguage(text) },
  };
}
