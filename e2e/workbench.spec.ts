import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { callInPage } from './support/inPage';
import {
  ANNOTATOR,
  ARABIC_SAMPLE,
  ENGLISH_SAMPLE,
  SAMPLE_FILES,
  clickText,
  createProject,
  dragSelect,
  expectSaved,
  importSamples,
  indexIn,
  inspectorText,
  keyboardSelect,
  openDocument,
  paintedHighlights,
  paragraph,
  sampleTitle,
} from './support/workbench';
import { dropFiles } from './support/drop';

const ENGLISH_TITLE = sampleTitle(ENGLISH_SAMPLE);
const ARABIC_TITLE = sampleTitle(ARABIC_SAMPLE);
const MIXED =
  'قالت قوات سوريا الديمقراطية SDF إن 4,000 مقاتل انشقوا، ونفت أنقرة ذلك.\nسطر فيه\u202eعلامة اتجاه\u202c خفية';

async function importMixed(page: Page): Promise<void> {
  await dropFiles(page, [{ name: 'mixed.txt', text: MIXED }]);
  await expect(page.getByTestId('notice')).toContainText('1 imported');
  await page.getByTestId('document-row').filter({ hasText: 'قالت قوات' }).click();
  await expect(paragraph(page, 0)).toContainText('SDF');
}

async function setup(page: Page, projectPath: string): Promise<void> {
  await createProject(page, projectPath);
  await importSamples(page);
}

test('a whole article annotated from the keyboard alone: select, tag, step, relabel, note, done, next', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ENGLISH_TITLE);
  await page.locator('.article').click({ position: { x: 1, y: 1 } });

  await keyboardSelect(page, 11, 'Twelve', false);
  await page.keyboard.press('3');
  await expectSaved(page);
  await keyboardSelect(page, 11, 'Syrian fighters', false);
  await page.keyboard.press('1');
  await expectSaved(page);

  // Tab steps through annotations in text order, wrapping; a label key relabels the selected one.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.inspector-text')).toHaveText('Twelve');
  await page.keyboard.press('Tab');
  await expect(page.locator('.inspector-text')).toHaveText('Syrian fighters');
  await page.keyboard.press('2');
  await expectSaved(page);
  expect((await paintedHighlights(page)).denial).toEqual(['Syrian fighters']);

  // E edits the note; Escape leaves the field, keeping what was typed.
  await page.keyboard.press('e');
  await expect(page.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('defectors, per SOHR');
  await page.getByLabel('Note').blur();
  await expectSaved(page);

  // D marks the document done; N opens the next unfinished one; J/K step through the list.
  await page.keyboard.press('d');
  await expect(
    page.getByTestId('document-row').filter({ hasText: ENGLISH_TITLE.slice(0, 20) }),
  ).toContainText('Done');
  await expect(page.getByRole('progressbar', { name: 'Project progress' })).toHaveAttribute(
    'aria-valuenow',
    '1',
  );
  await page.keyboard.press('n');
  await expect(page.locator('.article > p').first()).toHaveText(sampleTitle(SAMPLE_FILES[4]!));
  // Two quick steps back go two documents back.
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(page.locator('.article > p').first()).toHaveText(sampleTitle(SAMPLE_FILES[2]!));

  // ? shows every key.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toContainText('Next unfinished document');
  await page.screenshot({ path: testInfo.outputPath('cheat-sheet.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('without a mouse: a caret moved by arrows, selections extended by Shift+Ctrl+arrows, overlaps listed at the caret', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  // The Arabic article opens first; J steps to the next ones, K back.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.locator('.article > p').first()).toHaveText(ENGLISH_TITLE);
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('1');
  await expectSaved(page);
  expect(await inspectorText(page)).toBe('Twelve Syrian');
  // With no selection left, the caret starts again at the beginning: tag the first word as a number too.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('3');
  await expectSaved(page);
  expect(await inspectorText(page)).toBe('Twelve');
  // A caret moved into the first word shows both annotations there, innermost first.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('annotations-here').getByRole('button')).toHaveText(['number', 'claim']);
});

test('selections snap to whole Arabic words unless Alt is held, and mixed Arabic/Latin/number spans store exact offsets', async ({
  app,
}) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importMixed(page);

  // Half of "الديمقراطية" dragged: the whole word is tagged.
  await dragSelect(page, 0, 'الديمقرا', true);
  await page.keyboard.press('1');
  await expectSaved(page);
  expect(await inspectorText(page)).toBe('الديمقراطية');
  await page.keyboard.press('Escape');

  // With Alt, exactly what was dragged.
  await page.keyboard.down('Alt');
  await dragSelect(page, 0, 'انشق', true);
  await page.keyboard.up('Alt');
  await page.keyboard.press('2');
  await expectSaved(page);
  expect(await inspectorText(page)).toBe('انشق');
  await page.keyboard.press('Escape');

  // Double-click selects a word: a Latin acronym and a number with a thousands separator inside Arabic.
  for (const [word, key] of [
    ['SDF', '1'],
    ['4,000', '3'],
  ] as const) {
    const start = await indexIn(page, 0, word);
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await clickText(page, 0, word, 1);
    await page.mouse.dblclick(...(await centerOf(page, 0, start + 1)));
    await page.keyboard.press(key);
    await expectSaved(page);
    expect(await inspectorText(page)).toBe(word);
    await expect(page.locator('.inspector-offsets')).toHaveText(
      `[${start}, ${start + Array.from(word).length}) code points`,
    );
    await page.keyboard.press('Escape');
  }
  // Triple-click selects the paragraph: all of it is tagged, without the line break.
  await page.mouse.click(...(await centerOf(page, 0, 3)), { clickCount: 3 });
  await page.keyboard.press('2');
  await expectSaved(page);
  expect(await inspectorText(page)).toBe(MIXED.split('\n')[0]);
  await page.keyboard.press('Escape');
  // The number's value was read from its text.
  await page.locator('[data-testid="annotation-row"][data-label="number"]').click();
  await expect(page.getByLabel('value')).toHaveValue('4000');
});

async function centerOf(page: Page, line: number, cp: number): Promise<[number, number]> {
  return paragraph(page, line).evaluate((p, at) => {
    const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const u16 = Array.from(node.data).slice(0, at).join('').length;
    const range = document.createRange();
    range.setStart(node, u16);
    range.setEnd(node, u16 + 1);
    const r = range.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2] as [number, number];
  }, cp);
}

test('bidi controls in the text are shown as visible markers and do not reorder the line', async ({
  app,
}) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importMixed(page);
  const markers = paragraph(page, 1).locator('.invisible-char');
  await expect(markers).toHaveCount(2);
  await expect(markers.first()).toHaveAttribute('title', 'U+202E RIGHT-TO-LEFT OVERRIDE');
  await expect(markers.nth(1)).toHaveAttribute('title', 'U+202C POP DIRECTIONAL FORMATTING');
  // The override is neutralised: the text after it renders in its logical order (no mirrored run).
  const textContent = await paragraph(page, 1).evaluate((p) => p.textContent);
  expect(textContent).toBe('سطر فيه◇علامة اتجاه◇ خفية');
});

test('attributes, links, overlap bands and hover: a denial linked to the claim it denies', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ARABIC_TITLE);

  await dragSelect(page, 4, 'شاب عائد', true);
  await page.keyboard.press('1');
  await expectSaved(page);
  await page.getByLabel('source').fill('شاب عائد');
  await page.getByLabel('source').press('Enter');
  await expectSaved(page);
  await page.getByLabel('stance').selectOption('reports');
  await expectSaved(page);

  await dragSelect(page, 4, 'عائد يبلغ من العمر', true);
  await page.keyboard.press('2');
  await expectSaved(page);
  // Link mode: L, then Tab to the claim, then Enter.
  await page.keyboard.press('l');
  await expect(page.getByTestId('link-banner')).toBeVisible();
  await expect(page.getByLabel('Link type')).toHaveValue('denies');
  await page.keyboard.press('Tab');
  await expect(page.locator('.inspector-text')).toHaveText('شاب عائد');
  await page.keyboard.press('Enter');
  await expectSaved(page);
  await expect(page.getByTestId('link-row')).toHaveText(/← denies/);
  await expect(page.getByTestId('link-arc')).toHaveCount(1);
  // The arc is really drawn: it has a size on screen, between the two annotations.
  const arcBox = await page.getByTestId('link-arc').locator('path').boundingBox();
  expect(arcBox!.width).toBeGreaterThan(20);
  await page.screenshot({ path: testInfo.outputPath('link.png') });

  // Overlapping spans each get a band in its own lane; hovering the overlap lists both.
  const lanes = await page
    .locator('.band')
    .evaluateAll((bands) => new Set(bands.map((b) => b.getBoundingClientRect().top)).size);
  expect(lanes).toBeGreaterThanOrEqual(2);
  await page.mouse.move(5, 5);
  await page.mouse.move(...(await centerOf(page, 4, (await indexIn(page, 4, 'عائد')) + 1)), { steps: 3 });
  await expect(page.getByTestId('hover-tip')).toContainText('claim');
  await expect(page.getByTestId('hover-tip')).toContainText('denial');
  await page.screenshot({ path: testInfo.outputPath('links-and-overlaps.png') });

  // All of it survives a reload.
  await page.reload();
  await expect(page.getByTestId('link-arc')).toHaveCount(1);
  await page.getByTestId('annotation-row').filter({ hasText: 'claim' }).click();
  await expect(page.getByLabel('source')).toHaveValue('شاب عائد');
  await expect(page.getByLabel('stance')).toHaveValue('reports');
  // Undo of the link, then of the denial.
  await page.locator('.article').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('link-arc')).toHaveCount(0);
});

test('label schema: add a label with a key, rename one without losing its annotations, delete with a count', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ENGLISH_TITLE);
  await dragSelect(page, 11, 'Twelve', false);
  await page.keyboard.press('1');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Labels…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  await dialog.getByLabel('New label name').fill('quote');
  await dialog.getByLabel('New label key').fill('4');
  await dialog.getByRole('button', { name: 'Add label' }).click();
  await expect(dialog.getByTestId('label-row')).toHaveCount(4);
  await dialog.getByLabel('Name of claim').fill('assertion');
  await dialog.getByTestId('label-row').first().getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.toolbar .label-button').first()).toContainText('assertion');
  await page.screenshot({ path: testInfo.outputPath('label-schema.png') });
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('annotation-row').first()).toContainText('assertion');
  await dragSelect(page, 11, 'deserted', false);
  await page.keyboard.press('4');
  await expectSaved(page);
  expect((await paintedHighlights(page)).quote).toEqual(['deserted']);

  await page.getByRole('button', { name: 'Labels…' }).click();
  await dialog
    .getByTestId('label-row')
    .filter({ has: page.getByLabel('Name of quote') })
    .getByRole('button', { name: 'Delete…' })
    .click();
  await expect(dialog).toContainText('Delete quote and its 1 annotation?');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByTestId('label-row')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('annotation-row')).toHaveCount(1);
});

test('search finds Arabic regardless of diacritics and letter variants, and annotations by value', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ENGLISH_TITLE);
  await dragSelect(page, 11, 'Twelve Syrian fighters', false);
  await page.keyboard.press('1');
  await expectSaved(page);

  // The sample writes "مقاتلاً سورياً" (with tanween); search without the marks.
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByLabel('Search articles').fill('مقاتلا سوريا');
  await expect(dialog.getByTestId('document-hit').first()).toBeVisible();
  await expect(dialog.getByTestId('document-hit').first().locator('mark')).toHaveText(/^مقاتلاً/);
  await page.screenshot({ path: testInfo.outputPath('search.png') });
  await dialog.getByTestId('document-hit').first().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toMatch(/^مقاتلاً/);

  await page.keyboard.press('f');
  await dialog.getByLabel('Search articles').fill('NORTHERN WIRE');
  await expect(dialog.getByTestId('document-hit').first()).toContainText('Northern Wire');
  await dialog.getByRole('tab', { name: 'Annotations' }).click();
  await dialog.getByLabel('Annotation label').selectOption({ label: 'claim' });
  await dialog.getByRole('button', { name: 'Find annotations' }).click();
  await expect(dialog.getByTestId('annotation-hit')).toHaveCount(1);
  await expect(dialog.getByTestId('annotation-hit')).toContainText('Twelve Syrian fighters');
});

test('the document list filters by status and label, sorts, and records the annotator', async ({ app }) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ENGLISH_TITLE);
  await dragSelect(page, 11, 'Twelve', false);
  await page.keyboard.press('3');
  await expectSaved(page);
  await page.keyboard.press('d');
  await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('document-row')).toHaveCount(6);
  await page.getByLabel('Filter by label').selectOption({ label: 'has number' });
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await page.getByLabel('Filter by label').selectOption({ label: 'any label' });
  await page.getByLabel('Sort documents').selectOption('annotations');
  await expect(page.getByTestId('document-row').first()).toContainText(ENGLISH_TITLE.slice(0, 20));
  // Every annotation carries who made it.
  // The page's own session cookie goes with the call, as with the app's.
  const hits = await callInPage<Array<{ annotation: { annotator: string } }>>(page, 'search:annotations');
  const annotators = hits.map((h) => h.annotation.annotator);
  expect(annotators).toEqual([ANNOTATOR]);
});

test('a long article paints the highlights and bands of the lines in view, and follows the scroll', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  // 600 lines: far more than three screens, so the two ends are never painted at once.
  const lines = Array.from(
    { length: 600 },
    (_, i) => `Line ${i}: officials said that fighters crossed the border.`,
  );
  lines[1] = 'The alpha report said 300 fighters crossed.';
  lines[598] = 'The omega report denied it.';
  const text = lines.join('\n');
  const at = (word: string) => Array.from(text.slice(0, text.indexOf(word))).length;
  const spans = [
    [at('alpha'), at('alpha') + 5, 'claim'],
    [at('omega'), at('omega') + 5, 'denial'],
  ];
  await dropFiles(page, [{ name: 'long.jsonl', text: `${JSON.stringify({ text, label: spans })}\n` }]);
  await expect(page.getByTestId('annotation-row')).toHaveCount(2);

  // At the top: the first annotation is painted with its band; the last is not registered at all.
  await expect.poll(async () => paintedHighlights(page)).toMatchObject({ claim: ['alpha'], denial: [] });
  await expect(page.locator('.band')).toHaveCount(1);

  // Going to the last annotation from the side panel scrolls there: it is painted, the first is let go.
  await page.getByTestId('annotation-row').filter({ hasText: 'omega' }).click();
  await expect.poll(async () => paintedHighlights(page)).toMatchObject({ claim: [], denial: ['omega'] });
  await expect(page.locator('.band')).toHaveCount(1);
  await expect(page.locator('.band.selected')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('long-article-end.png') });

  // Scrolling back by hand brings the first back.
  await page.getByTestId('article-scroll').evaluate((el) => el.scrollTo({ top: 0 }));
  await expect.poll(async () => paintedHighlights(page)).toMatchObject({ claim: ['alpha'], denial: [] });
});
