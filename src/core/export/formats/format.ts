/**
 * What every export format module implements, and the helper for the formats that are one text file
 * (a header, one piece per document, a footer).
 */
import type { Message } from '@shared/messages/message';
import type { ExportFormat, Label } from '@shared/model';
import type { ExportDocument } from '../dataset';
import type { ExportOutput } from '../output';

export interface ExportContext {
  format: ExportFormat;
  projectName: string;
  /** The labels the export holds (after the filter), in the project's order. */
  labels: Label[];
  /** Everyone who annotated in the project. */
  annotators: string[];
  /** When the export started (ISO 8601). */
  exportedAt: string;
  /** Written to be opened in a spreadsheet (CSV: a BOM, and cells that would run as formulas neutralised). */
  spreadsheet: boolean;
  /** Records something the format could not hold; each distinct message is reported once. */
  warn(message: Message): void;
}

export interface ExportRun {
  context: ExportContext;
  /** Walks the selected documents once, in import order. A format that needs two passes calls it twice. */
  documents(): AsyncGenerator<ExportDocument>;
}

export interface ExportFormatModule {
  /** How many times `write` walks the documents (for the progress bar). */
  passes?: number;
  /** The format writes when each span was made and changed (ExportedSpan.times); others are spared reading it. */
  spanTimes?: boolean;
  write(run: ExportRun, out: ExportOutput): Promise<void>;
}

export interface TextFormatParts {
  header?(context: ExportContext): string;
  document(item: ExportDocument, context: ExportContext, position: number): string;
  footer?(context: ExportContext): string;
}

/** A format that is one text file, written a document at a time. */
export function textFormat(parts: TextFormatParts): ExportFormatModule {
  return {
    async write(run, out) {
      const file = out.open('');
      if (parts.header) await file.write(parts.header(run.context));
      let position = 0;
      for await (const item of run.documents())
        await file.write(parts.document(item, run.context, position++));
      if (parts.footer) await file.write(parts.footer(run.context));
      await file.close();
    },
  };
}

/**
 * JSON with every character past ASCII written as `\uXXXX` (a pair of them beyond the BMP): the same value
 * to every JSON reader, and bytes that no encoding detector can take for anything but ASCII.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** One JSON value a line; `ascii` writes it with {@link asciiJson}. */
export function jsonLinesFormat(
  line: (item: ExportDocument, context: ExportContext) => unknown,
  { ascii = false } = {},
): ExportFormatModule {
  const stringify = ascii ? asciiJson : JSON.stringify;
  return textFormat({ document: (item, context) => stringify(line(item, context)) + '\n' });
}
