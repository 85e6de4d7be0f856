// @vitest-environment jsdom
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '@shared/datasets';
import { errorMessage, importMessage } from '@shared/messages/keys';
import { applyLanguage } from '../i18n/i18n';
import { JobProgress } from './JobProgress';

/** What a job shows: its phase and its outcome lines. */
function shown(job: JobStatus): { phase: string; lines: string[] } {
  const container = document.createElement('div');
  const root = createRoot(container);
  flushSync(() => root.render(createElement(JobProgress, { job, onCancel() {}, onDismiss() {} })));
  const lines = [...container.querySelectorAll('.job-outcome li')].map((li) => li.textContent ?? '');
  const phase = container.querySelector('.job-phase')?.textContent ?? '';
  root.unmount();
  return { phase, lines };
}

/** The outcome lines a finished job shows. */
const outcomeLines = (job: JobStatus) => shown(job).lines;

const finished = (exported: JobStatus['export']): JobStatus => ({
  id: 'job-1',
  kind: 'export',
  state: 'done',
  phase: 'Done',
  done: 3,
  total: 3,
  unit: 'documents',
  startedAt: '2026-11-28T09:00:00.000Z',
  export: exported,
});

describe('the export outcome', () => {
  it('shows how many warnings there are, then each: what the format could not hold', () => {
    const warnings = [
      'brat: spans that start or end on a line break are written without that line break',
      'brat: spans of line breaks only cannot be written and are left out, with their links',
    ];
    expect(
      outcomeLines(finished({ path: 'corpus.zip', documents: 3, spans: 1204, warnings, warningCount: 2 })),
    ).toEqual([
      `Exported 3 documents, ${(1204).toLocaleString()} spans`,
      '2 warnings: what the format could not hold',
      ...warnings,
    ]);
  });

  it('shows no warning line when the format held everything', () => {
    expect(outcomeLines(finished({ path: 'a.jsonl', documents: 3, spans: 5, warningCount: 0 }))).toEqual([
      'Exported 3 documents, 5 spans',
    ]);
  });
});

describe('a job in Arabic', () => {
  afterEach(() => applyLanguage('en'));
  const job: JobStatus = {
    id: 'job-2',
    kind: 'import',
    state: 'running',
    phase: 'Checking big.jsonl: 1,500 documents',
    phaseI18n: importMessage('phase.checkingDocuments', { file: 'big.jsonl', count: 1500 }),
    done: 0,
    total: 1,
    unit: 'files',
    startedAt: '2026-11-28T09:00:00.000Z',
  };

  it("words the core's phase and failure in the interface's language", () => {
    applyLanguage('ar');
    expect(shown(job).phase).toBe('فحص big.jsonl: ١٬٥٠٠ وثيقة');
    const failed: JobStatus = {
      ...job,
      state: 'failed',
      phase: 'Failed',
      error: 'No project is open',
      errorI18n: errorMessage('project.none'),
    };
    expect(shown(failed).lines).toEqual(['فشل: لا مشروع مفتوحًا']);
  });

  it("words an export's warnings, what the format could not hold", () => {
    applyLanguage('ar');
    const warning = errorMessage('export.warning.csvPrefixed', { count: 2 });
    const lines = outcomeLines(
      finished({
        path: 'a.csv',
        documents: 3,
        spans: 5,
        warnings: ["csv: 2 cells starting with = + - @, tab or carriage return were prefixed with ' so …"],
        warningsI18n: [warning],
        warningCount: 1,
      }),
    );
    expect(lines.at(-1)).toBe(
      "csv: سُبقت خليتان تبدآن بـ = + - @ أو جدولة أو رجوع إلى أول السطر بـ' ليعرضهما برنامج الجداول نصًا",
    );
  });

  it('shows the English of a phase that came without a message', () => {
    applyLanguage('ar');
    expect(shown({ ...job, phaseI18n: undefined }).phase).toBe('Checking big.jsonl: 1,500 documents');
  });
});
