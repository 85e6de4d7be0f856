// @vitest-environment jsdom
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '@shared/datasets';
import { JobProgress } from './JobProgress';

/** The outcome lines a finished job shows. */
function outcomeLines(job: JobStatus): string[] {
  const container = document.createElement('div');
  const root = createRoot(container);
  flushSync(() => root.render(createElement(JobProgress, { job, onCancel() {}, onDismiss() {} })));
  const lines = [...container.querySelectorAll('.job-outcome li')].map((li) => li.textContent ?? '');
  root.unmount();
  return lines;
}

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
