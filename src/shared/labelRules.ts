/**
 * What a label's name, a link's type and an annotator's name may be, wherever they come from: the label dialog and the link
 * command (checked by the contract at the IPC boundary) and every imported dataset (checked with the other
 * span checks before anything is written). A label an import brought can then always be renamed or recoloured
 * through the same contract.
 */
import { z } from 'zod';

/** Trimmed, 1 to 60 characters. */
export const labelName = z.string().trim().min(1).max(60);

/** Trimmed, 1 to 50 characters. */
export const linkType = z.string().trim().min(1).max(50);

/** An annotator's name, which is also the name of their layer (the curated layer's too): trimmed, 1 to 100. */
export const annotatorName = z.string().trim().min(1).max(100);

/**
 * The annotator a file gives a span, as a layer is named: trimmed, and blank as none (an exporter's way of
 * saying no one), so "Ana " and "Ana" are one layer. `undefined` (the file says nothing) stays undefined.
 */
export function fileAnnotator(value: string | null | undefined): string | null | undefined {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
