/**
 * The direction of a paragraph, decided by its dominant script: the strong right-to-left letters (Arabic,
 * Hebrew, Syriac, Thaana, N'Ko…) counted against the strong left-to-right ones, the whole document's
 * direction breaking a tie. The browser's own rule (the first strong letter) lays out "— #المرصدالسوري #SOHR
 * (@syriahr) September 30, 2020" right to left in an English article, and it reads scrambled.
 */
export type TextDirection = 'ltr' | 'rtl';

const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;
const LETTER = /\p{L}/u;

/** How many strong right-to-left and left-to-right letters `text` holds. */
export function strongLetters(text: string): { rtl: number; ltr: number } {
  let rtl = 0;
  let ltr = 0;
  for (const char of text) {
    // Only letters are strong: Arabic-Indic digits belong to the Arabic script but not to its direction.
    if (!LETTER.test(char)) continue;
    if (RTL_SCRIPT.test(char)) rtl++;
    else ltr++;
  }
  return { rtl, ltr };
}

function dominant(text: string, tie: TextDirection): TextDirection {
  const { rtl, ltr } = strongLetters(text);
  if (rtl === ltr) return tie;
  return rtl > ltr ? 'rtl' : 'ltr';
}

/** The direction of a whole document (its language's, as its letters show it); left to right when none. */
export function documentDirection(text: string): TextDirection {
  return dominant(text, 'ltr');
}

/** A paragraph's direction: its dominant script, else (a tie, or no letters) the document's. */
export function paragraphDirection(line: string, documentDir: TextDirection): TextDirection {
  return dominant(line, documentDir);
}
