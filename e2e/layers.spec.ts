/**
 * Several annotators in the app: a project annotated by one annotator, another's canonical JSONL export
 * merged in through File → Merge annotations…, the second layer shown beside the first (its own line
 * style, its legend), its spans refusing a delete, the team column with both statuses, and a second merge
 * that changes nothing. Screenshots of each screen in both themes and in Arabic, axe on each.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import { highlightTexts } from './support/inPage';
import { shotPath } from './support/shots';
import { checkBothThemes } from './support/axe';
import { ANNOTATOR, chooseFromFileMenu, createProject, expectSaved, tagText } from './support/workbench';

const TEXT = 'Officials said 93 fighters were killed in the north. Baku denied it on Monday.';

/** Code point range of `needle` in TEXT. */
function rangeOf(needle: string): { start: number; end: number } {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(needle))).length;
  return { start, end: start + Array.from(needle).length };
}

/** axe finds nothing serious, then the screen is photographed in the light and the dark theme. */
const checkAndShoot = (page: Page, name: string) =>
  checkBothThemes(page, name, (theme) => shotPath('layers', `${name}-${theme}`));

async function merge(page: Page, path: string): Promise<void> {
  await chooseFromFileMenu(page, 'Merge annotations…');
  const dialog = page.getByRole('dialog', { name: 'Merge annotations' });
  await dialog.getByLabel('Path of the source').fill(path);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.getByTestId('merge-report')).toBeVisible();
}

test('B’s layer merged from JSONL shows beside A’s, read-only; the team column; a second merge changes nothing', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const { page, dataDir } = app;
  await createProject(page, app.projectPath);
  const article = join(dataDir, 'article.jsonl');
  writeFileSync(article, JSON.stringify({ id: 'report', text: TEXT }) + '\n');
  await page.getByTestId('import-files-input').setInputFiles(article);
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await expect(page.locator('.article > p').first()).toHaveText(TEXT);

  // A (the project's annotator) tags the denial.
  await tagText(page, 0, 'Baku denied it', false, '2');
  const rows = page.getByTestId('annotation-row');
  await expect(rows).toHaveCount(1);

  // B's canonical JSONL export of the same text: a claim and a number.
  const bens = join(dataDir, 'ben.jsonl');
  const spans = [
    { ...rangeOf('93 fighters were killed'), label: 'claim', annotator: 'Ben', note: 'casualty figure' },
    { ...rangeOf('93'), label: 'number', annotator: 'Ben' },
    // A span that names no one belongs to no layer: left, and the report says so.
    { ...rangeOf('Baku denied it'), label: 'denial' },
  ];
  writeFileSync(bens, JSON.stringify({ id: 'elsewhere', text: TEXT, spans }) + '\n');
  await merge(page, bens);
  const dialog = page.getByRole('dialog', { name: 'Merge annotations' });
  const report = dialog.getByTestId('merge-report');
  await expect(report.getByRole('status')).toHaveText(
    '1 layer merged, 0 unchanged, 0 conflicts, 0 documents missing.',
  );
  await expect(report.getByRole('row').nth(1)).toContainText('Ben');
  await expect(report.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('2');
  await expect(report).toContainText(
    '1 span of the source names no annotator: a layer is one annotator’s, so it was not merged.',
  );
  await checkAndShoot(page, 'merge-report');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Only A's layer shows until B's is chosen; the Layers control lists both with their counts.
  await expect(rows).toHaveCount(1);
  const layers = page.getByRole('region', { name: 'Layers' });
  await expect(layers.getByTestId('layer-row')).toHaveText([
    /Ben.*read-only · 2 spans/,
    new RegExp(`${ANNOTATOR}.*yours · 1 span`),
  ]);
  const showBen = layers.getByRole('checkbox', { name: /Ben/ });
  await showBen.focus();
  await page.keyboard.press('Space');
  await expect(showBen).toBeChecked();
  await expect(rows).toHaveCount(3);
  await expect(layers.getByTestId('layer-row').first()).toContainText('dotted line above');
  // B's spans are painted in his layer's style, A's are not.
  const painted = (await highlightTexts(page, 'sl-layer-0')).sort();
  expect(painted).toEqual(['93', '93 fighters were killed']);
  await checkAndShoot(page, 'two-layers');

  // B's span refuses a delete: a notice, and it stays.
  await rows.filter({ hasText: 'fighters' }).click();
  // The inspector shows whose it is, its fields disabled.
  await expect(page.getByTestId('layer-owner')).toHaveText('Read-only: in the layer of Ben');
  await expect(page.getByRole('button', { name: 'Delete annotation' })).toBeDisabled();
  await page.locator('.article').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('notice')).toContainText("Ben's layer, which is read-only for you");
  await expect(rows).toHaveCount(3);

  // The team column: A marks the document done; B's layer, merged without a status, is in progress.
  await page.keyboard.press('d');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Team' }).click();
  const team = page.getByTestId('team-statuses');
  await expect(team.getByRole('img', { name: `${ANNOTATOR}: Done` })).toHaveText('✓ TA');
  await expect(team.getByRole('img', { name: 'Ben: In progress' })).toHaveText('◐ Be');
  await checkAndShoot(page, 'team-column');

  // Curating: the curated layer takes new spans and lets them be deleted; A's layer stays in view.
  await layers.getByRole('button', { name: 'Curate', exact: true }).click();
  await expect(layers.getByRole('status')).toContainText('Curating into “curated”');
  await expect(rows).toHaveCount(3);
  await tagText(page, 0, 'fighters', false, '1');
  await expect(rows).toHaveCount(4);
  await expect(layers.getByTestId('layer-row').filter({ hasText: 'curated' })).toContainText('1 span');
  await page.keyboard.press('Delete');
  await expectSaved(page);
  await expect(rows).toHaveCount(3);
  await layers.getByRole('button', { name: 'Stop curating' }).click();
  await expect(layers.getByRole('status')).toHaveCount(0);

  // Merging the same export again changes nothing.
  await merge(page, bens);
  await expect(report.getByRole('status')).toHaveText(
    '0 layers merged, 1 unchanged, 0 conflicts, 0 documents missing.',
  );
  await expect(report.getByRole('table')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(rows).toHaveCount(3);

  // The same screens in Arabic: the interface mirrors, the article and the names stay as they are.
  await page
    .context()
    .addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['ar-EG', 'ar'] }));
  await page.reload();
  await expect(page.getByRole('region', { name: 'الطبقات' })).toBeVisible();
  // The interface takes the system's language; nothing applies its direction to the page yet
  // (i18n.ts applyLanguage has no caller on main), so the test mirrors the page as applyLanguage would.
  await page.evaluate(() => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
  });
  await page.getByRole('region', { name: 'الطبقات' }).getByRole('checkbox', { name: /Ben/ }).check();
  await page.getByRole('button', { name: 'الفريق' }).click();
  await checkAndShoot(page, 'arabic-layers');
  // The whole interface speaks Arabic now (i18n14), the File menu's name included.
  await page.getByRole('button', { name: 'ملف', exact: true }).click();
  await page.getByRole('menuitem', { name: 'دمج التوسيمات…' }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await checkAndShoot(page, 'arabic-merge');
  // Its report in Arabic: the layers and the span it left, the names as they were written.
  const arabicDialog = page.getByRole('dialog', { name: 'دمج التوسيمات' });
  await arabicDialog.getByLabel('مسار المصدر').fill(bens);
  await arabicDialog.getByRole('button', { name: 'ادمج', exact: true }).click();
  await expect(arabicDialog.getByTestId('merge-report')).toContainText(
    'مقطع واحد في المصدر لا يذكر مُوسِّمه: الطبقة لمُوسِّم واحد، فلم يُدمَج.',
  );
  await checkAndShoot(page, 'arabic-merge-report');
});
