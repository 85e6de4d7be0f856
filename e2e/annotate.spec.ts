import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { test, expect } from './support/app';
import {
  ARABIC_SAMPLE,
  chooseFromFileMenu,
  ENGLISH_SAMPLE,
  clickText,
  createProject,
  dragSelect,
  expectSaved,
  importSamples,
  inspectorText,
  keyboardSelect,
  openDocument,
  paintedHighlights,
  paragraph,
  sampleTitle,
} from './support/workbench';

const ARABIC_TITLE = sampleTitle(ARABIC_SAMPLE);
const ENGLISH_TITLE = sampleTitle(ENGLISH_SAMPLE);

test('imports the six sample articles and renders Arabic right-to-left and English left-to-right', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await page.screenshot({ path: testInfo.outputPath('project-picker.png') });
  await createProject(page, app.projectPath);
  await importSamples(page);
  for (const file of [ARABIC_SAMPLE, ENGLISH_SAMPLE]) {
    await expect(
      page.getByTestId('document-row').filter({ hasText: sampleTitle(file).slice(0, 30) }),
    ).toHaveCount(1);
  }

  await openDocument(page, ARABIC_TITLE);
  const arabic = readFileSync(ARABIC_SAMPLE, 'utf8').replace(/\r\n?/g, '\n');
  // Every line of the file is one paragraph, character for character.
  const lines = arabic.split('\n');
  await expect(page.locator('.article > p')).toHaveCount(lines.length);
  expect(await paragraph(page, 2).evaluate((p) => p.textContent)).toBe(lines[2]);
  expect(await paragraph(page, 2).evaluate((p) => p.matches(':dir(rtl)'))).toBe(true);
  expect(await paragraph(page, 2).evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
  await page.screenshot({ path: testInfo.outputPath('arabic-article.png') });

  await openDocument(page, ENGLISH_TITLE);
  const english = readFileSync(ENGLISH_SAMPLE, 'utf8').split('\n');
  expect(await paragraph(page, 11).evaluate((p) => p.textContent)).toBe(english[11]);
  expect(await paragraph(page, 11).evaluate((p) => p.matches(':dir(ltr)'))).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('english-article.png') });
});

test('tags Arabic spans by mouse and keyboard with each label, overlaps, relabels, deletes, undoes and redoes', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importSamples(page);
  await openDocument(page, ARABIC_TITLE);

  // claim by mouse drag, with the toolbar button
  await dragSelect(page, 4, 'شاب عائد', true);
  await page.getByRole('button', { name: /^claim/ }).click();
  await expectSaved(page);
  expect(await inspectorText(page)).toBe('شاب عائد');

  // number inside the claim's sentence, by keyboard selection and the key 3 (a Latin number in Arabic text)
  await keyboardSelect(page, 4, 'العمر 23', true);
  await page.keyboard.press('3');
  await expectSaved(page);
  expect(await inspectorText(page)).toBe('العمر 23');

  // a denial overlapping the claim and the number: "عائد يبلغ من العمر"
  await dragSelect(page, 4, 'عائد يبلغ من العمر', true);
  await page.keyboard.press('2');
  await expectSaved(page);
  await expect(page.getByTestId('annotation-row')).toHaveCount(3);
  expect(await paintedHighlights(page)).toEqual({
    claim: ['شاب عائد'],
    denial: ['عائد يبلغ من العمر'],
    number: ['العمر 23'],
  });
  await page.screenshot({ path: testInfo.outputPath('arabic-overlaps.png') });

  // relabel: click inside the number span (only it covers "23"), press 1
  await clickText(page, 4, '23', 0);
  await expect(page.locator('.inspector-text')).toHaveText('العمر 23');
  await page.keyboard.press('1');
  await expectSaved(page);
  expect((await paintedHighlights(page)).claim).toEqual(['العمر 23', 'شاب عائد']);

  // delete the selected (relabelled) annotation
  await page.keyboard.press('Delete');
  await expectSaved(page);
  await expect(page.getByTestId('annotation-row')).toHaveCount(2);

  // undo the delete, then the relabel; redo both
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('annotation-row')).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await paintedHighlights(page)).number).toEqual(['العمر 23']);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await paintedHighlights(page)).number).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('annotation-row')).toHaveCount(2);

  // the note field saves as the user pauses, and shows in the list
  await page.getByTestId('annotation-row').first().click();
  await page.getByLabel('Note').fill('source: local sources');
  await page.getByLabel('Note').blur();
  await expectSaved(page);
  await expect(page.getByTestId('annotation-row').first()).toContainText('source: local sources');

  // everything is in the database: a reload shows the same spans on the same characters
  const before = await paintedHighlights(page);
  await page.reload();
  await expect(page.locator('.article > p').first()).toBeVisible();
  await expect.poll(() => paintedHighlights(page)).toEqual(before);
  await expect(page.getByTestId('document-row').first()).toContainText('2 annotations');
});

test('tags English spans with each label, nested spans, and exports JSONL whose offsets slice right in Python', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importSamples(page);
  await openDocument(page, ENGLISH_TITLE);

  await dragSelect(page, 11, 'Twelve Syrian fighters who had been flown to the Dorlak region', false);
  await page.keyboard.press('1');
  await expectSaved(page);
  // nested: a number inside the claim
  await keyboardSelect(page, 11, 'Twelve', false);
  await page.keyboard.press('3');
  await expectSaved(page);
  await dragSelect(page, 0, 'Defect', false);
  await page.getByRole('button', { name: /^denial/ }).click();
  await expectSaved(page);
  expect(await paintedHighlights(page)).toEqual({
    claim: ['Twelve Syrian fighters who had been flown to the Dorlak region'],
    denial: ['Defect'],
    number: ['Twelve'],
  });
  await page.screenshot({ path: testInfo.outputPath('english-nested.png') });

  // Clicking where two spans overlap selects the innermost first, then cycles.
  await clickText(page, 11, 'Twelve', 2);
  await expect(page.locator('.inspector-text')).toHaveText('Twelve');
  await clickText(page, 11, 'Twelve', 2);
  await expect(page.locator('.inspector-text')).toHaveText(
    'Twelve Syrian fighters who had been flown to the Dorlak region',
  );

  // Also tag the Arabic article, so the export holds both scripts.
  await openDocument(page, ARABIC_TITLE);
  await dragSelect(page, 2, 'ريف حلب الشمالي', true);
  await page.keyboard.press('1');
  await expectSaved(page);

  const downloading = page.waitForEvent('download');
  await chooseFromFileMenu(page, 'Export JSONL');
  const download = await downloading;
  const path = testInfo.outputPath('export.jsonl');
  await download.saveAs(path);
  const lines = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines).toHaveLength(6);
  const spans = lines.flatMap((doc) => doc.spans.map((span: { text: string }) => ({ doc, span })));
  expect(spans.map(({ span }) => span.text).sort()).toEqual(
    [
      'Defect',
      'Twelve',
      'Twelve Syrian fighters who had been flown to the Dorlak region',
      'ريف حلب الشمالي',
    ].sort(),
  );
  const check = spawnSync('python3', [
    '-c',
    `import json,sys
n=0
for line in open(sys.argv[1], encoding='utf-8'):
    d=json.loads(line)
    for s in d['spans']:
        assert d['text'][s['start']:s['end']]==s['text'], s
        n+=1
print(n)`,
    path,
  ]);
  expect(check.stderr.toString()).toBe('');
  expect(check.stdout.toString().trim()).toBe('4');
});
