/**
 * Reading what the page holds, from inside it: the host's contract called with the page's own session
 * cookie (as the app calls it), and the texts a CSS Custom Highlight paints.
 */
import type { Page } from '@playwright/test';

/** A channel's answer, called from the page over the browser host's HTTP mapping of the contract. */
export function callInPage<T>(page: Page, channel: string, request: unknown = {}): Promise<T> {
  return page.evaluate(
    async ({ channel, request }) => {
      const reply = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      const result = await reply.json();
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    },
    { channel, request },
  );
}

/** The texts of the ranges a highlight holds, in its order; none when it is not registered. */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    // Highlights hold StaticRanges (no toString): their text through a live Range over the same points.
    const text = (r: AbstractRange) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    };
    return highlight ? Array.from(highlight as unknown as Iterable<AbstractRange>, text) : [];
  }, name);
}
