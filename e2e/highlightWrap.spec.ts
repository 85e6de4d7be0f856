/**
 * Issue 14, finding 11: a span's tint ran over the space where its line wraps, a few pixels past its last
 * word into the margin. The tint stops at the word, at every width the article is laid out in.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import {
  ENGLISH_SAMPLE,
  createProject,
  dragSelect,
  expectSaved,
  importSamples,
  openDocument,
  paragraph,
  sampleTitle,
} from './support/workbench';

const SPAN = 'Twelve Syrian fighters who had been flown to the Dorlak region to fight for Karmestan deserted';

/**
 * The boxes the label highlights cover, the bands drawn under the span (by their tops), and the right edge of
 * each line's last word within the span, by the line's top and bottom.
 */
async function tintAndWords(page: Page) {
  return paragraph(page, 11).evaluate((p, span) => {
    const text = p.textContent!;
    const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const start = text.indexOf(span);
    const tinted: Array<{ top: number; right: number }> = [];
    const bands = [...document.querySelectorAll('.band')].map((band) => {
      const box = band.getBoundingClientRect();
      return { top: box.top, right: box.right };
    });
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('sl-label-')) continue;
      for (const range of highlight) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        for (const box of live.getClientRects()) tinted.push({ top: Math.round(box.top), right: box.right });
      }
    }
    // The right edge of the last word on each line the span covers.
    const wordEnds = new Map<number, number>();
    const bottoms = new Map<number, number>();
    const word = document.createRange();
    for (const match of span.matchAll(/\S+/g)) {
      word.setStart(node, start + match.index);
      word.setEnd(node, start + match.index + match[0].length);
      const box = word.getBoundingClientRect();
      const top = Math.round(box.top);
      wordEnds.set(top, Math.max(wordEnds.get(top) ?? 0, box.right));
      bottoms.set(top, box.bottom);
    }
    return { tinted, bands, wordEnds: [...wordEnds].map(([top, right]) => [top, right, bottoms.get(top)!]) };
  }, SPAN);
}

test("a span's tint and band stop at its last word where its line wraps, at any width", async ({ app }) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importSamples(page);
  await openDocument(page, sampleTitle(ENGLISH_SAMPLE));
  await dragSelect(page, 11, SPAN, false);
  await page.keyboard.press('1');
  await expectSaved(page);
  await page.keyboard.press('Escape');

  const outcomes: string[] = [];
  for (const width of [1024, 1200, 1400, 1700, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    // Measured once the highlights have followed the new wrapping (a frame after the resize).
    await page.waitForTimeout(300);
    const { tinted, bands, wordEnds } = await tintAndWords(page);
    if (wordEnds.length < 2) {
      outcomes.push('no wrap');
      continue;
    }
    // On each line of the span, the tint and the band under it end where the line's last word ends.
    outcomes.push(
      wordEnds
        .map(([top, right, bottom]) => {
          const tint = Math.max(
            ...tinted.filter((box) => Math.abs(box.top - top!) <= 2).map((box) => box.right),
          );
          const band = Math.max(
            ...bands
              .filter((box) => box.top >= bottom! - 4 && box.top <= bottom! + 12)
              .map((box) => box.right),
          );
          return Math.abs(tint - right!) < 0.5 && Math.abs(band - right!) < 0.5
            ? 'ok'
            : `${width} px, line at ${top}: tint to ${tint}, band to ${band}, word to ${right}`;
        })
        .filter((line) => line !== 'ok')
        .join('; ') || 'ok',
    );
  }
  expect(outcomes.filter((outcome) => outcome === 'ok').length, outcomes.join(' | ')).toBeGreaterThanOrEqual(
    2,
  );
  expect(outcomes.filter((outcome) => outcome !== 'ok' && outcome !== 'no wrap')).toEqual([]);
});
