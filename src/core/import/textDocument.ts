import { createHash, randomUUID } from 'node:crypto';
import { codePointLength } from '@shared/offsets';
import type { NewDocument } from '../repositories/documents';

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

export function newDocument(
  fileName: string,
  text: string,
  importedAt: string,
  fields: Partial<NewDocument> = {},
): NewDocument {
  return {
    id: fields.id ?? randomUUID(),
    title: fields.title ?? titleOf(text),
    fileName,
    text,
    sha256: sha256Of(text),
    length: codePointLength(text),
    importedAt,
  };
}
