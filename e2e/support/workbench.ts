/**
 * Actions on the workbench as a user performs them (mouse, keyboard, file pickers), and read-backs of what
 * the app shows and stored.
 */
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES } from './app';

/** The three Arabic sample articles (ar-*), then the three English (en-*). */
export const SAMPLE_FILES = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SAMPLES, f));

export const ARABIC_SAMPLE = SAMPLE_FILES[0]!;
export const ENGLISH_SAMPLE = SAMPLE_FILES[3]!;

export function sampleTitle(path: string): string {
  return readFileSync(path, 'utf8')
    .split('\n')
    .find((line) => line.trim())!
    .trim();
}

export const ANNOTATOR = 'Test Annotator';

/** Creates the project and answers the one-time annotator question. */
export async function createProject(page: Page, projectPath: string): Promise<void> {
  await page.getByLabel('New project path').fill(projectPath);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.locator('.toolbar')).toBeVisible();
  await answerAnnotator(page);
}

/** Answers the one-time annotator question a new project (or the sample project) asks. */
export async function answerAnnotator(page: Page): Promise<void> {
  await page.getByLabel('Annotator name').fill(ANNOTATOR);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

export async function importSamples(page: Page): Promise<void> {
  await page.getByTestId('import-files-input').setInputFiles(SAMPLE_FILES);
  await expect(page.getByTestId('notice')).toContainText('6 imported, 0 skipped, 0 rejected');
  await expect(page.getByTestId('document-row')).toHaveCount(6);
}

export async function openDocument(page: Page, title: string): Promise<void> {
  await page
    .getByTestId('document-row')
    .filter({ hasText: title.slice(0, 30) })
    .click();
  await expect(page.locator('.article > p').first()).toHaveText(title, { useInnerText: true });
}

/** Paragraph `line` of the article (one per line of the text). */
export function paragraph(page: Page, line: number) {
  return page.locator('.article > p').nth(line);
}

/** The screen box of code points [start, end) of one paragraph. */
async function charBox(page: Page, line: number, start: number, end: number) {
  return paragraph(page, line).evaluate(
    (p, [s, e]) => {
      const text = p.textContent ?? '';
      const chars = Array.from(text);
      const u16 = (cp: number) => chars.slice(0, cp).join('').length;
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const range = document.createRange();
      range.setStart(node, u16(s!));
      range.setEnd(node, u16(e!));
      const rect = range.getClientRects()[0]!;
      return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
    },
    [start, end],
  );
}

/** Code point offset of `needle` in paragraph `line`. */
export async function indexIn(page: Page, line: number, needle: string): Promise<number> {
  const text = await paragraph(page, line).evaluate((p) => p.textContent ?? '');
  const u16 = text.indexOf(needle);
  expect(u16, `"${needle}" in paragraph ${line}`).toBeGreaterThanOrEqual(0);
  return Array.from(text.slice(0, u16)).length;
}

/**
 * Drags the mouse over `needle` in paragraph `line`, from its logical start to its logical end: right to left
 * in Arabic, left to right in English.
 */
export async function dragSelect(page: Page, line: number, needle: string, rtl: boolean): Promise<void> {
  const start = await indexIn(page, line, needle);
  const length = Array.from(needle).length;
  const first = await charBox(page, line, start, start + 1);
  const last = await charBox(page, line, start + length - 1, start + length);
  const y1 = (first.top + first.bottom) / 2;
  const y2 = (last.top + last.bottom) / 2;
  await page.mouse.move(rtl ? first.right - 0.5 : first.left + 0.5, y1);
  await page.mouse.down();
  await page.mouse.move(rtl ? last.left + 0.5 : last.right - 0.5, y2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(needle);
}

/** Clicks just inside the logical start of `needle`, then extends the selection with Shift+arrows. */
export async function keyboardSelect(page: Page, line: number, needle: string, rtl: boolean): Promise<void> {
  const start = await indexIn(page, line, needle);
  const first = await charBox(page, line, start, start + 1);
  await page.mouse.click(rtl ? first.right - 0.5 : first.left + 0.5, (first.top + first.bottom) / 2);
  for (let i = 0; i < Array.from(needle).length; i++)
    await page.keyboard.press(rtl ? 'Shift+ArrowLeft' : 'Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(needle);
}

/** Clicks the middle of the character at code point `offset` of `needle` in paragraph `line`. */
export async function clickText(page: Page, line: number, needle: string, offsetInNeedle = 1): Promise<void> {
  const start = (await indexIn(page, line, needle)) + offsetInNeedle;
  const box = await charBox(page, line, start, start + 1);
  await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
}

/** The painted highlights (those near the view): for each label, the texts of its ranges, sorted. */
export async function paintedHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const names = Array.from(document.querySelectorAll('.toolbar .label-button')).map((b) =>
      b.getAttribute('data-label')!,
    );
    names.forEach((name, i) => {
      const highlight = CSS.highlights.get(`sl-label-${i}`);
      // Highlights hold StaticRanges (no toString): their text through a live Range over the same points.
      const live = (r: AbstractRange) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      };
      // A span that wraps is painted as its parts between the spaces its lines wrap at (wrapTrim.ts), added
      // one after the other: a part that ends a line and the next that starts the following one, one space
      // apart, are the same span.
      const texts: string[] = [];
      let previous: Range | null = null;
      for (const part of highlight ? (highlight as unknown as Iterable<AbstractRange>) : []) {
        const range = live(part);
        const gap = previous && document.createRange();
        if (previous && gap) {
          gap.setStart(previous.endContainer, previous.endOffset);
          gap.setEnd(range.startContainer, range.startOffset);
        }
        const rects = (r: Range) => Array.from(r.getClientRects());
        const wrapped =
          previous &&
          gap &&
          /^[^\S\n]$/.test(gap.toString()) &&
          rects(previous).at(-1)!.top < rects(range)[0]!.top;
        if (wrapped) texts[texts.length - 1] += gap!.toString() + range.toString();
        else texts.push(range.toString());
        previous = range;
      }
      out[name] = texts.sort();
    });
    return out;
  });
}

/** Drags over `needle` in paragraph `line` and tags it with a label key, waiting until it is saved. */
export async function tagText(
  page: Page,
  line: number,
  needle: string,
  rtl: boolean,
  key: string,
): Promise<void> {
  await dragSelect(page, line, needle, rtl);
  await page.keyboard.press(key);
  await expectSaved(page);
}

/** Opens the File menu and chooses `item`; the menu closes by itself. */
export async function chooseFromFileMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-indicator')).toContainText('Saved');
}

export async function inspectorText(page: Page): Promise<string> {
  return page.locator('.inspector-text').innerText();
}
