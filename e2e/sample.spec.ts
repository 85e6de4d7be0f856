import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, test, expect } from './support/app';
import { answerAnnotator, openDocument, paintedHighlights } from './support/workbench';

interface Line {
  title: string;
  text: string;
  spans: Array<{ label: string; text: string }>;
}
const LINES = readFileSync(join(ROOT, 'resources/samples/annotations.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Line);

/** For each label, the texts of the article's spans, sorted: what paintedHighlights reads off the screen. */
function expectedHighlights(line: Line): Record<string, string[]> {
  const out: Record<string, string[]> = { claim: [], denial: [], number: [] };
  for (const span of line.spans) out[span.label]!.push(span.text);
  for (const texts of Object.values(out)) texts.sort();
  return out;
}

test('a fresh user opens the sample project from the picker and sees the articles and their highlights', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample project' }).click();
  await expect(page.locator('.project-name')).toHaveText('Sample project');
  await answerAnnotator(page);

  await expect(page.getByTestId('document-row')).toHaveCount(LINES.length);
  for (const line of LINES) {
    await expect(page.getByTestId('document-row').filter({ hasText: line.title.slice(0, 30) })).toContainText(
      `${line.spans.length} annotations`,
    );
  }

  // One Arabic and one English article, each short enough to be painted whole (the editor paints the lines in
  // view and a screen around them): every span of annotations.jsonl is painted on its own text.
  const shortest = (script: RegExp) =>
    LINES.filter((l) => script.test(l.title)).sort((a, b) => a.text.length - b.text.length)[0]!;
  const arabic = shortest(/^[\u0600-\u06ff]/);
  const english = shortest(/^[A-Za-z]/);
  for (const line of [arabic, english]) {
    await openDocument(page, line.title);
    await expect.poll(() => paintedHighlights(page)).toEqual(expectedHighlights(line));
  }
  await page.screenshot({ path: testInfo.outputPath('sample-project.png') });

  // The project lives in the data folder, and the app reopens it after a restart.
  await page.reload();
  await expect(page.locator('.project-name')).toHaveText('Sample project');
  await expect(page.getByTestId('document-row')).toHaveCount(LINES.length);
});
