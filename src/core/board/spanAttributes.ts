/** A span's attribute values as the board reads them: a usable value of the expected type, else null. */
import type { Annotation } from '@shared/model';

export function numberAttribute(annotation: Annotation, name: string): number | null {
  const value = annotation.attributes[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Trimmed; blank counts as absent. */
export function textAttribute(annotation: Annotation, name: string): string | null {
  const value = annotation.attributes[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
