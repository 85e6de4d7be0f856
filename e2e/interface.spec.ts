/**
 * The stumbles a new user met in a full stretch of work (issue 14), each pinned where the user met it: in the
 * real renderer, with real keys and clicks.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import {
  ENGLISH_SAMPLE,
  chooseFromFileMenu,
  SAMPLE_FILES,
  clickText,
  createProject,
  expectSaved,
  importSamples,
  indexIn,
  openDocument,
  paragraph,
  sampleTitle,
  tagText,
} from './support/workbench';

const ENGLISH_TITLE = sampleTitle(ENGLISH_SAMPLE);

async function setup(page: Page, projectPath: string): Promise<void> {
  await createProject(page, projectPath);
  await importSamples(page);
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
}

const fileButton = (page: Page) => page.getByRole('button', { name: 'File', exact: true });

test('the File menu closes on Escape (focus back on its button), on a click outside and on choosing', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  const menu = page.getByRole('menu');

  await expect(fileButton(page)).toHaveAttribute('aria-haspopup', 'menu');
  await fileButton(page).click();
  await expect(fileButton(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('menuitem', { name: 'Import files…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Import folder…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(fileButton(page)).toBeFocused();
  await expect(fileButton(page)).toHaveAttribute('aria-expanded', 'false');

  await fileButton(page).click();
  await expect(menu).toBeVisible();
  await page.locator('.annotation-panel').click();
  await expect(menu).toHaveCount(0);

  await fileButton(page).click();
  await page.getByRole('menuitem', { name: 'Labels…' }).click();
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Labels' })).toBeVisible();
});

test('F, Ctrl+F and the Search button put the focus in the search field, so typed keys land there', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ENGLISH_TITLE);
  const field = page.getByRole('searchbox', { name: 'Search articles' });

  for (const open of [
    () => page.keyboard.press('f'),
    () => page.keyboard.press('Control+f'),
    () => page.getByRole('button', { name: /^Search/ }).click(),
  ]) {
    await page.locator('.article').click({ position: { x: 1, y: 1 } });
    await open();
    await expect(field).toBeFocused();
    await page.keyboard.type('Syrian');
    await expect(field).toHaveValue('Syrian');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
});

test('document status: the first annotation sets In progress; D and S say what they did and Ctrl+Z undoes them', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ENGLISH_TITLE);
  const status = page.getByRole('combobox', { name: 'Status' });
  const row = page.getByTestId('document-row').filter({ hasText: ENGLISH_TITLE.slice(0, 20) });
  const indicator = page.getByTestId('save-indicator');
  await expect(status).toHaveValue('todo');

  await tagText(page, 11, 'Twelve', false, '1');
  await expect(status).toHaveValue('in_progress');
  await expect(row).toContainText('In progress');

  await page.keyboard.press('d');
  await expect(indicator).toContainText('Marked done · Saved');
  await expect(status).toHaveValue('done');
  await page.keyboard.press('s');
  await expect(indicator).toContainText('Marked skipped · Saved');
  await expect(row).toContainText('Skipped');

  await page.keyboard.press('Control+z');
  await expect(indicator).toContainText('Undid mark skipped');
  await expect(status).toHaveValue('done');
  await page.keyboard.press('Control+z');
  await expect(status).toHaveValue('in_progress');

  await status.selectOption('done');
  await expect(indicator).toContainText('Marked done · Saved');
  await page.locator('.article').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Control+z');
  await expect(status).toHaveValue('in_progress');
  // The next undo takes back the annotation, and the document is to do again.
  await page.keyboard.press('Control+z');
  await expect(indicator).toContainText('Undid create claim');
  await expect(status).toHaveValue('todo');
  await expect(row).toContainText('To do');
});

test('the article never moves when a long save message or a notice appears (1400 px)', async ({ app }) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ENGLISH_TITLE);
  const article = page.locator('.article');
  const toolbar = page.locator('.toolbar');
  const before = { article: await article.boundingBox(), toolbar: await toolbar.boundingBox() };

  // A failing change: the save indicator says why, at length, and a notice appears.
  await page.route('**/*set-status*', (route) =>
    route.fulfill({
      json: {
        ok: false,
        error: {
          code: 'internal',
          message: 'The disk holding the project is full; free some space and make the change again',
        },
      },
    }),
  );
  await page.keyboard.press('d');
  await expect(page.getByTestId('save-indicator')).toContainText('Not saved');
  await expect(page.getByTestId('notice')).toBeVisible();

  expect(await toolbar.boundingBox()).toEqual(before.toolbar);
  expect(await article.boundingBox()).toEqual(before.article);
});

/** For each element, its direction and whether its text hugs its start edge (right in RTL, left in LTR). */
async function sidesOf(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const rtl = style.direction === 'rtl';
      const startEdge = rtl
        ? box.right - parseFloat(style.paddingRight)
        : box.left + parseFloat(style.paddingLeft);
      return { text: el.textContent, rtl, atStart: Math.abs((rtl ? text.right : text.left) - startEdge) < 2 };
    }),
  );
}

test('right-to-left lists: each search hit and document row takes its own direction; "1 annotation"', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await page.keyboard.press('f');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('دورلاك');
  await expect(page.getByTestId('document-hit')).toHaveCount(2);
  const hits = await sidesOf(page, '.search-hit .hit-title');
  expect(hits.map((hit) => [hit.rtl, hit.atStart])).toEqual([
    [true, true],
    [true, true],
  ]);
  await page.keyboard.press('Escape');

  const rows = await sidesOf(page, '.document-row .document-title');
  expect(rows.map((row) => row.rtl)).toEqual([true, true, true, false, false, false]);
  expect(rows.every((row) => row.atStart)).toBe(true);

  await openDocument(page, ENGLISH_TITLE);
  await tagText(page, 11, 'Twelve', false, '1');
  await expect(
    page
      .getByTestId('document-row')
      .filter({ hasText: ENGLISH_TITLE.slice(0, 20) })
      .getByTestId('annotation-count'),
  ).toHaveText('1 annotation');
});

test('a reload reopens the document the user was in, scrolled where it was', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1400, height: 600 });
  await setup(page, app.projectPath);
  const longest = SAMPLE_FILES.map((path) => ({ path, length: readFileSync(path, 'utf8').length })).sort(
    (a, b) => b.length - a.length,
  )[0]!.path;
  await openDocument(page, sampleTitle(longest));
  const scroller = page.getByTestId('article-scroll');
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  const firstInView = () =>
    page.evaluate(() => {
      const box = document.querySelector('[data-testid=article-scroll]')!.getBoundingClientRect();
      const paragraphs = Array.from(document.querySelectorAll('.article > p'));
      return paragraphs.find((p) => p.getBoundingClientRect().bottom > box.top + 4)?.textContent;
    });
  const before = await firstInView();
  // The place is kept once the scrolling settles.
  await page.waitForTimeout(1000);

  await page.reload();
  await expect(page.locator('.article > p').first()).toHaveText(sampleTitle(longest), { useInnerText: true });
  await expect.poll(firstInView).toBe(before);
  await expect(
    page.getByTestId('document-row').filter({ hasText: sampleTitle(longest).slice(0, 20) }),
  ).toHaveAttribute('aria-selected', 'true');
});

test('a line of an English article that starts with an Arabic hashtag is laid out left to right, and can be flipped', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  const english = SAMPLE_FILES[5]!;
  await openDocument(page, sampleTitle(english));
  const hashtagLine = paragraph(page, 3);
  await expect(hashtagLine).toHaveText('— #المرصد_الشامي #LMHR (@levantmonitor) March 14, 2026');
  const direction = () => hashtagLine.evaluate((p) => getComputedStyle(p).direction);
  expect(await direction()).toBe('ltr');
  const text = await hashtagLine.textContent();

  // The user flips it with the caret in it; the choice outlives a reload, and the text is untouched.
  await clickText(page, 3, 'March', 2);
  await page.keyboard.press('Control+Shift+X');
  await expect.poll(direction).toBe('rtl');
  expect(await hashtagLine.textContent()).toBe(text);
  await page.waitForTimeout(500);
  await page.reload();
  await expect(paragraph(page, 3)).toHaveText(text!);
  await expect.poll(() => paragraph(page, 3).evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
  // The Arabic articles stay right to left.
  await openDocument(page, sampleTitle(SAMPLE_FILES[0]!));
  expect(await paragraph(page, 0).evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
});

test('the hover card stays inside the article column, out of a drag, and current right after tagging', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ENGLISH_TITLE);
  const tip = page.getByTestId('hover-tip');

  // The word that ends the first visual line of the paragraph, at the right edge of the column, tagged with the
  // word before it (a needle found once in the paragraph).
  const { needle, last } = await paragraph(page, 11).evaluate((p) => {
    const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const range = document.createRange();
    const words = [...node.data.matchAll(/[\p{L}\p{N}]+/gu)];
    let firstTop: number | null = null;
    let at = 0;
    words.forEach((word, i) => {
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const top = range.getClientRects()[0]!.top;
      firstTop ??= top;
      if (top <= firstTop + 1) at = i;
    });
    return {
      needle: node.data.slice(words[at - 1]!.index, words[at]!.index + words[at]![0].length),
      last: words[at]![0],
    };
  });
  await tagText(page, 11, needle, false, '1');
  await clickText(page, 11, needle, Array.from(needle).length - 2);
  await page.mouse.move(0, 0);
  const start = (await indexIn(page, 11, needle)) + Array.from(needle).length - Array.from(last).length;
  const forces = await paragraph(page, 11).evaluate(
    (p, [at, length]) => {
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const u16 = Array.from(p.textContent ?? '')
        .slice(0, at)
        .join('').length;
      const range = document.createRange();
      range.setStart(node, u16 + length - 1);
      range.setEnd(node, u16 + length);
      const box = range.getBoundingClientRect();
      return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
    },
    [start, last.length] as const,
  );
  await page.mouse.move(forces.x, forces.y, { steps: 3 });
  await expect(tip).toContainText('claim');
  const card = (await tip.boundingBox())!;
  const column = (await page.locator('.article').boundingBox())!;
  expect(card.x + card.width).toBeLessThanOrEqual(column.x + column.width + 1);
  expect(card.x).toBeGreaterThanOrEqual(column.x - 1);

  // Relabelled under the pointer: the card says so at once.
  await page.keyboard.press('2');
  await expectSaved(page);
  await expect(tip).toContainText('denial');
  await expect(tip).not.toContainText('claim');

  // While a button is held (a drag), no card.
  await page.mouse.down();
  await page.mouse.move(forces.x - 40, forces.y, { steps: 3 });
  await page.mouse.move(forces.x, forces.y, { steps: 3 });
  await expect(tip).toHaveCount(0);
  await page.mouse.up();
});

test('filter chips look pressed only when they are (aria-pressed)', async ({ app }) => {
  const { page } = app;
  await setup(page, app.projectPath);
  const chips = page.getByRole('group', { name: 'Filter by status' }).getByRole('button');
  const plainButton = await page
    .getByRole('button', { name: 'File', exact: true })
    .evaluate((b) => getComputedStyle(b).backgroundColor);
  const backgrounds = () => chips.evaluateAll((all) => all.map((b) => getComputedStyle(b).backgroundColor));
  expect(await backgrounds()).toEqual([plainButton, plainButton, plainButton, plainButton]);

  await chips.filter({ hasText: 'Done' }).click();
  await expect(chips.filter({ hasText: 'Done' })).toHaveAttribute('aria-pressed', 'true');
  const after = await backgrounds();
  expect(after.filter((b) => b === plainButton)).toHaveLength(3);
  expect(after[2]).not.toBe(plainButton);
});

test('at 1024×700 the document list steps aside for the article, and [ and ] show or hide the side panels', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ENGLISH_TITLE);
  await page.setViewportSize({ width: 1024, height: 700 });
  const list = page.getByRole('navigation', { name: 'Documents' });
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  const column = async () => (await page.getByTestId('article-scroll').boundingBox())!.width;
  await expect(list).toHaveCount(0);
  expect(await column()).toBeGreaterThan(600);

  await page.locator('.article').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('[');
  await expect(list).toBeVisible();
  await page.keyboard.press(']');
  await expect(panel).toHaveCount(0);
  await page.keyboard.press(']');
  await expect(panel).toBeVisible();
  await page.keyboard.press('[');
  await expect(list).toHaveCount(0);
});

test('importing a folder in the browser first says what the browser will ask and how to choose', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  const chooser = page.waitForEvent('filechooser');
  await chooseFromFileMenu(page, 'Import folder…');
  await chooser;
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Choose a folder in the window that opens');
  await expect(notice).toContainText('they only go to Spanlight, running on this computer');
  await expect(notice).toContainText('A folder path typed into the chooser only opens that folder there');
});
