/**
 * Several annotators in the app (issue 12): a canonical JSONL whose spans name two annotators creates their
 * layers; the comparison screen shows the four kinds of span, a disagreement is settled by key into `curated`
 * (and undone), another accepted and its extent changed, "Accept all agreed" reports what is left, and the Agreement view shows exactly the figures
 * `spanlight agreement --json` prints for the same project. Each screen is checked with axe and photographed
 * in both themes and in Arabic (e2e/support/shots.ts says where), to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT, expect, test } from './support/app';
import { checkBothThemes, seriousViolations } from './support/axe';
import { shotPath } from './support/shots';
import { createProject } from './support/workbench';

/** A span by the text it covers, in code points (Array.from counts them). */
function span(text: string, needle: string, label: string, annotator: string) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} is not in the text`);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length, label, annotator };
}

/** One of each kind: agreed, same extent with other labels, other extents, and a span only one has. */
function documentOf(id: string, text: string, [agreed, number, denial, denialShort, only]: string[]) {
  return {
    id,
    title: id,
    text,
    spans: [
      span(text, agreed!, 'claim', 'Ana'),
      span(text, agreed!, 'claim', 'Badr'),
      span(text, number!, 'number', 'Ana'),
      span(text, number!, 'claim', 'Badr'),
      span(text, denial!, 'denial', 'Ana'),
      span(text, denialShort!, 'denial', 'Badr'),
      span(text, only!, 'claim', 'Badr'),
    ],
  };
}

const EN = 'The army said 40 fighters fled the front; officials denied it. Later 15 returned home.';
const AR = 'قال الجيش إن 40 مقاتلاً فرّوا من الجبهة، ونفى المسؤولون ذلك لاحقاً. وعاد 15 منهم إلى بيوتهم.';
const DATASET = [
  documentOf('Compare en', EN, [
    'The army said',
    '40',
    'officials denied it',
    'officials denied',
    'Later 15 returned',
  ]),
  documentOf('Compare ar', AR, ['قال الجيش', '40', 'ونفى المسؤولون ذلك', 'ونفى المسؤولون', 'وعاد 15 منهم']),
];

/** axe in both themes, and a screenshot of each. */
const checkThemes = (page: Page, name: string) =>
  checkBothThemes(page, name, (theme) => shotPath('compare', `${name}-${theme}`), true);

async function openTitled(page: Page, title: string): Promise<void> {
  await page.getByTestId('document-row').filter({ hasText: title }).click();
  await expect(page.locator('.article > p').first()).toBeVisible();
  await page.locator('.article').click({ position: { x: 1, y: 1 } });
}

const focusLine = (page: Page) => page.locator('.compare-kind');

test('two annotators compared, a disagreement settled by key, all agreed accepted, and the agreement figures', async ({
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = app;
  await createProject(page, app.projectPath);
  const dataset = testInfo.outputPath('team.jsonl');
  writeFileSync(dataset, DATASET.map((line) => JSON.stringify(line)).join('\n') + '\n');
  await page.getByTestId('import-files-input').setInputFiles(dataset);
  await expect(page.getByTestId('notice')).toContainText('2 imported, 0 skipped, 0 rejected');
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();

  await openTitled(page, 'Compare en');
  // The toolbar gained Compare (on a narrow window, in the File menu with Agreement).
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toBeVisible();
  await page.screenshot({ path: shotPath('compare', 'workbench-1400') });
  await page.setViewportSize({ width: 1024, height: 900 });
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Compare annotators' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Agreement' })).toBeVisible();
  await page.screenshot({ path: shotPath('compare', 'workbench-file-menu-1024') });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.locator('.article').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { name: /Compare annotators/ })).toBeVisible();

  // The four kinds: agreed in both lanes, and the three disagreements in text order.
  await expect(page.locator('.compare-lane .compare-bar.kind-agreed')).toHaveCount(2);
  const list = page.getByRole('navigation', { name: 'Disagreements' }).getByRole('button');
  await expect(list).toHaveCount(3);
  await expect(list.nth(0)).toContainText('Same extent, different labels');
  await expect(list.nth(1)).toContainText('Overlapping, different extents');
  await expect(list.nth(2)).toContainText('Only some have it');
  await expect(focusLine(page)).toHaveText(
    'Disagreement 1 of 3 · Same extent, different labels · Not settled',
  );
  await checkThemes(page, 'comparison');

  // Key 1 takes Ana's span (number) into `curated`; the curator relabels it; Ctrl+Z twice undoes both.
  await page.keyboard.press('1');
  await expect(focusLine(page)).toContainText('Settled: a span accepted');
  const curatedLabel = page.getByRole('combobox', { name: /Label of the curated span/ });
  await expect(curatedLabel).toHaveValue('number');
  await curatedLabel.selectOption('claim');
  await expect(curatedLabel).toHaveValue('claim');
  await page.locator('.compare-text').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  await expect(curatedLabel).toHaveValue('number');
  await page.keyboard.press('Control+z');
  await expect(focusLine(page)).toContainText('Not settled');
  await expect(curatedLabel).toHaveCount(0);

  // J steps to the next disagreement; X rejects it (settled, nothing taken).
  await page.keyboard.press('j');
  await expect(focusLine(page)).toHaveText(
    'Disagreement 2 of 3 · Overlapping, different extents · Not settled',
  );
  await page.keyboard.press('x');
  await expect(focusLine(page)).toContainText('Settled: rejected');
  await expect(page.getByText('Nothing in curated here yet.')).toBeVisible();

  // Accept all agreed: one agreed span a document; the five other spans of each are left.
  await page.getByRole('combobox', { name: 'Rule' }).selectOption('unanimous');
  await page.getByRole('button', { name: 'Accept all agreed' }).click();
  await expect(page.locator('.compare-report')).toHaveText(
    'Accepted 2; left to settle by hand: 10 in 2 documents.',
  );
  const rows = page.locator('.compare-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Compare en' }).locator('td')).toHaveText(['Compare en', '3', '2']);
  await expect(rows.filter({ hasText: 'Compare ar' }).locator('td')).toHaveText(['Compare ar', '3', '3']);
  // A row opens that document's comparison.
  await rows.filter({ hasText: 'Compare ar' }).getByRole('button').click();
  await expect(page.locator('.compare-document')).toHaveText('Compare ar');

  // The curator accepts Ana's longer span, then takes Badr's extent for it.
  await page.locator('.compare-text').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('j');
  await expect(focusLine(page)).toContainText('Disagreement 2 of 3 · Overlapping, different extents');
  await page.keyboard.press('1');
  await expect(page.locator('.compare-curated q')).toHaveText('ونفى المسؤولون ذلك');
  await page.getByRole('button', { name: 'Use this extent' }).click();
  await expect(page.locator('.compare-curated q')).toHaveText('ونفى المسؤولون');

  // The Agreement view: the same figures as the command line.
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  await page.getByRole('button', { name: 'Compute' }).click();
  await expect(page.locator('.agreement-label').first()).toBeVisible();
  const printed = JSON.parse(
    execFileSync(process.execPath, [
      join(ROOT, 'out/main/cli.js'),
      'agreement',
      app.projectPath,
      '--annotators',
      'Ana,Badr',
      '--json',
    ]).toString(),
  );
  await expect(page.locator('.agreement-results > p').first()).toContainText(
    `${printed.documents} documents counted`,
  );
  const shown = await page.locator('.agreement-label').evaluateAll((sections) =>
    Object.fromEntries(
      sections.map((section) => {
        const value = (cell: Element | null) => {
          const raw = cell?.querySelector('.figure')?.getAttribute('data-value') ?? 'missing';
          return raw === 'null' ? null : Number(raw);
        };
        const figure = (name: string) => value(section.querySelector(`[data-figure="${name}"]`));
        const pairs = [...section.querySelectorAll('tr[data-pair]')].map((row) => {
          const [a, b] = row.getAttribute('data-pair')!.split('|');
          const cells = [...row.querySelectorAll('td')].map((td) => value(td));
          const match = (k: number) => ({ precision: cells[k], recall: cells[k + 1], f1: cells[k + 2] });
          return { a, b, exact: match(0), overlap: match(3), kappa: cells[6] };
        });
        return [
          section.getAttribute('data-label')!,
          {
            pairs,
            fleiss_kappa: figure('fleiss_kappa'),
            alpha: figure('alpha'),
            unitizing_alpha: figure('unitizing_alpha'),
          },
        ];
      }),
    ),
  );
  expect(shown).toEqual(printed.labels);
  // An undefined coefficient shows as — with its reason on hover.
  const undefinedFigure = page.locator('.figure.undefined').first();
  if ((await undefinedFigure.count()) > 0) {
    await expect(undefinedFigure).toHaveText('—');
    await expect(undefinedFigure).toHaveAttribute('title', /undefined/);
  }
  await checkThemes(page, 'agreement');

  // Arabic: the interface in Arabic (as i18n picks it from the system language), mirrored.
  await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['ar-EG'] }));
  await page.reload();
  await page.evaluate(() => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
  });
  await openTitled(page, 'Compare ar');
  await page.keyboard.press('c');
  await expect(page.getByRole('heading', { name: /مقارنة المُعلِّقين/ })).toBeVisible();
  await expect(page.locator('.compare-lane').first()).toBeVisible();
  expect(await seriousViolations(page), 'comparison, Arabic').toEqual([]);
  await page.screenshot({ path: shotPath('compare', 'comparison-arabic'), fullPage: true });
  await page.getByRole('button', { name: 'الاتفاق', exact: true }).click();
  await page.getByRole('button', { name: 'احسب' }).click();
  await expect(page.locator('.agreement-label').first()).toBeVisible();
  expect(await seriousViolations(page), 'agreement, Arabic').toEqual([]);
  await page.screenshot({ path: shotPath('compare', 'agreement-arabic'), fullPage: true });
});
