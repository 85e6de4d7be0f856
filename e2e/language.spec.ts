/**
 * The Arabic interface (issue 14): the language follows the system until the user picks one, the whole page
 * mirrors while each paragraph of an article keeps its own direction, and the choice outlives a reload. Also
 * the on-screen control that flips one paragraph's direction, the export banner that says where the file
 * went, and undo saying in Arabic what it took back.
 */
import { test, expect } from './support/app';
import { words } from './support/strings';
import {
  ARABIC_SAMPLE,
  ENGLISH_SAMPLE,
  SAMPLE_FILES,
  chooseFromFileMenu,
  clickText,
  createProject,
  expectSaved,
  importSamples,
  openDocument,
  paragraph,
  sampleTitle,
  tagText,
} from './support/workbench';

const ar = words('ar');
const direction = (locator: ReturnType<typeof paragraph>) =>
  locator.evaluate((p) => getComputedStyle(p).direction);

test('the interface in Arabic: mirrored, kept across a reload, each paragraph in its own direction', async ({
  app,
}) => {
  const { page } = app;
  const html = page.locator('html');
  // The suite's browser speaks en-US, so the interface starts in English.
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: ar('dialogs:picker.create') })).toBeVisible();

  await page.reload();
  await expect(html).toHaveAttribute('dir', 'rtl');
  await page.getByLabel(ar('dialogs:picker.newPath')).fill(app.projectPath);
  await page.getByRole('button', { name: ar('dialogs:picker.createButton'), exact: true }).click();
  await expect(page.getByRole('dialog', { name: ar('dialogs:annotator.title') })).toBeVisible();
  await page.getByLabel(ar('dialogs:annotator.name')).fill('رنا');
  await page.getByRole('button', { name: ar('action.save'), exact: true }).click();
  await page.getByTestId('import-files-input').setInputFiles(SAMPLE_FILES);
  await expect(page.getByTestId('document-row')).toHaveCount(6);
  // Counts in Arabic words and digits: "استُورد ٦، وتُجووز ٠، ورُفض ٠".
  await expect(page.getByTestId('notice')).toContainText(
    ar('notice.importSummary').replace(/\{\{\w+, number\}\}/g, (match) =>
      match.includes('imported') ? '٦' : '٠',
    ),
  );

  // The document list sits at the right of the article, the annotation panel at its left.
  const list = await page.locator('.document-list').boundingBox();
  const article = await page.locator('.article-pane').boundingBox();
  const panel = await page.locator('.annotation-panel').boundingBox();
  expect(list!.x).toBeGreaterThan(article!.x);
  expect(panel!.x).toBeLessThan(article!.x);

  // An English article stays left to right in the mirrored window; an Arabic one right to left.
  const english = SAMPLE_FILES[5]!;
  await openDocument(page, sampleTitle(english));
  expect(await direction(paragraph(page, 0))).toBe('ltr');
  await openDocument(page, sampleTitle(ARABIC_SAMPLE));
  expect(await direction(paragraph(page, 0))).toBe('rtl');

  // Back to English from the File menu, whose items are in Arabic now.
  await page.getByRole('button', { name: ar('workbench:file.menu'), exact: true }).click();
  await page.getByRole('menuitemradio', { name: ar('language.menu', { name: 'English' }) }).click();
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('button', { name: 'File', exact: true })).toBeVisible();
});

test('a button flips the direction of the paragraph at the caret, as Ctrl+Shift+X does', async ({ app }) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importSamples(page);
  const english = SAMPLE_FILES[5]!;
  await openDocument(page, sampleTitle(english));
  const line = paragraph(page, 3);
  expect(await direction(line)).toBe('ltr');
  const text = await line.textContent();
  await clickText(page, 3, 'March', 2);
  await page.getByRole('button', { name: 'Flip paragraph direction' }).click();
  await expect.poll(() => direction(line)).toBe('rtl');
  expect(await line.textContent()).toBe(text);
  // The other paragraphs keep theirs; a second click gives this one back to its script.
  expect(await direction(paragraph(page, 0))).toBe('ltr');
  await page.getByRole('button', { name: 'Flip paragraph direction' }).click();
  await expect.poll(() => direction(line)).toBe('ltr');
});

test('the export banner says where the file went, and copies the path', async ({ app }) => {
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await createProject(page, app.projectPath);
  await importSamples(page);
  const downloading = page.waitForEvent('download');
  await chooseFromFileMenu(page, 'Export JSONL');
  const download = await downloading;
  const destination = page.getByTestId('export-destination');
  await expect(destination).toContainText(`Downloaded as ${download.suggestedFilename()}`);
  await destination.getByRole('button', { name: 'Copy path' }).click();
  await expect(destination.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(download.suggestedFilename());
});

test('undo says in Arabic what it took back, a label named like English kept as the user wrote it', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importSamples(page);
  await openDocument(page, sampleTitle(ENGLISH_SAMPLE));
  // Read back from its English, "relabel to delete x in y" would be a relabel to "delete x" in layer "y".
  const label = 'delete x in y';
  await page.getByRole('button', { name: 'Labels…' }).click();
  const labels = page.getByRole('dialog', { name: 'Labels' });
  await labels.getByLabel('Name of denial').fill(label);
  await labels.getByTestId('label-row').nth(1).getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.toolbar .label-button').nth(1)).toContainText(label);
  await page.keyboard.press('Escape');
  await tagText(page, 11, 'Twelve', false, '1');
  await clickText(page, 11, 'Twelve', 2);
  await page.keyboard.press('2');
  await expectSaved(page);
  await page.keyboard.press('d');
  await expectSaved(page);

  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Language: العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const indicator = page.getByTestId('save-indicator');
  await page.locator('.article').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Control+z');
  await expect(indicator).toContainText(ar('save.undid', { what: ar('actions:mark.done') }));
  await page.keyboard.press('Control+z');
  const relabel = ar('save.undid', { what: ar('actions:relabel', { label }) });
  expect(relabel).toBe('تراجعتَ عن: تغيير الوسم إلى delete x in y');
  await expect(indicator).toContainText(relabel);
  // The sentence is cut to fit the toolbar; the time it was saved still shows whole.
  const [box, when] = await Promise.all([
    indicator.boundingBox(),
    indicator.locator('.save-when').last().boundingBox(),
  ]);
  expect(when!.x).toBeGreaterThanOrEqual(box!.x);
  expect(when!.x + when!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5);
  await expect(indicator.locator('.save-when').last()).toHaveText(/^حُفظ /);
  await page.screenshot({ path: testInfo.outputPath('undo-arabic.png') });
  await page.keyboard.press('Control+Shift+z');
  await expect(indicator).toContainText(ar('save.redid', { what: ar('actions:relabel', { label }) }));
});
