import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test, expect } from './support/app';
import {
  ENGLISH_SAMPLE,
  createProject,
  dragSelect,
  expectSaved,
  importSamples,
  openDocument,
  sampleTitle,
} from './support/workbench';
import { dropFiles } from './support/drop';

const CHECK = resolve(import.meta.dirname, '../scripts/check_offsets.py');

test('exports through the dialog in another format with a filter, with progress, and the offsets check in Python', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importSamples(page);
  await openDocument(page, sampleTitle(ENGLISH_SAMPLE));
  await dragSelect(page, 11, 'Twelve Syrian fighters who had been flown', false);
  await page.keyboard.press('1');
  await expectSaved(page);
  await dragSelect(page, 11, 'deserted their posts last month', false);
  await page.keyboard.press('2');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  await dialog.getByRole('radio', { name: /doccano/i }).check();
  await dialog
    .getByRole('group', { name: /Spans with label/ })
    .getByLabel('claim')
    .check();
  await page.screenshot({ path: testInfo.outputPath('export-dialog.png') });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  const path = testInfo.outputPath('export.doccano.jsonl');
  await download.saveAs(path);
  await expect(page.getByTestId('job-progress')).toContainText('Exported 6 documents, 1 spans');

  const lines = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const labelled = lines.filter((l) => l.label.length > 0);
  expect(labelled).toHaveLength(1);
  const [start, end, label] = labelled[0].label[0];
  expect(label).toBe('claim');
  expect(
    Array.from(labelled[0].text as string)
      .slice(start, end)
      .join(''),
  ).toBe('Twelve Syrian fighters who had been flown');
  const check = spawnSync('python3', [CHECK, 'doccano', path]);
  expect(check.status, check.stderr.toString()).toBe(0);
});

test('imports a doccano file dropped on the window, as a job, with its spans', async ({ app }) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  const text = 'Officials deny that 😀 300 fighters crossed; نحو ٣٠٠ مقاتل.';
  const chars = Array.from(text);
  const start = chars.indexOf('3');
  const line = JSON.stringify({ text, label: [[start, start + 3, 'number']] });
  await dropFiles(page, [{ name: 'doccano.jsonl', text: `${line}\n` }]);
  await expect(page.getByTestId('notice')).toContainText('Import: 1 imported, 0 skipped, 0 rejected');
  await expect(page.getByTestId('annotation-row')).toHaveCount(1);
  await expect(page.getByTestId('annotation-row')).toContainText('300');
});

test('exports CSV for a spreadsheet from the dialog: a BOM, formula cells prefixed, and the notice says how many (finding 9)', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  const text = '=HYPERLINK("https://example.com","click")\nThe army said 3 fell.';
  const line = JSON.stringify({ id: 'd1', text, spans: [{ start: 0, end: 10, label: 'claim' }] });
  await dropFiles(page, [{ name: 'formula.jsonl', text: `${line}\n` }]);
  await expect(page.getByTestId('notice')).toContainText('Import: 1 imported');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  await dialog.getByRole('radio', { name: /^CSV/ }).check();
  await dialog.getByRole('checkbox', { name: /For a spreadsheet/ }).check();
  await page.screenshot({ path: testInfo.outputPath('export-dialog-spreadsheet.png') });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const path = testInfo.outputPath('export.csv');
  await (await downloading).saveAs(path);
  await expect(page.getByTestId('job-progress')).toContainText('3 cells starting with = + - @');

  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const content = bytes.toString('utf8');
  expect(content).toContain(`"'=HYPERLINK(""https://example.com"",""click"")"`);
  expect(content).not.toMatch(/(^|,)"?=HYPERLINK/m);
});
