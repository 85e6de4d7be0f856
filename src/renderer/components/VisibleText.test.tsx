import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { INVISIBLE_CHARS } from '@shared/invisibleChars';
import { InvisibleCharsNote, VisibleText, visibleText } from './VisibleText';

const html = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>);

describe('VisibleText', () => {
  it('regression: a bidi override in a note is drawn as ◇ naming it, and the text keeps its order', () => {
    expect(html(<VisibleText text={'safe\u202egnp.exe'} />)).toBe(
      'safe<span class="invisible-char" title="U+202E RIGHT-TO-LEFT OVERRIDE">◇</span>gnp.exe',
    );
  });

  it('draws every character of the shared class, each alone, and nothing of the raw character is left', () => {
    const every =
      'a\u061cb\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeffz';
    const markup = html(<VisibleText text={every} />);
    expect(markup.match(/◇/g)).toHaveLength(every.length - 3);
    expect(markup).not.toMatch(new RegExp(INVISIBLE_CHARS.source));
    expect(markup).toContain('title="U+2066 LEFT-TO-RIGHT ISOLATE"');
    expect(markup.startsWith('a<span')).toBe(true);
    expect(markup.endsWith('</span>z')).toBe(true);
  });

  it('leaves ordinary text as it is: Arabic, emoji, markup characters (escaped by React)', () => {
    expect(html(<VisibleText text="قال المصدر 😀 <b>" />)).toBe('قال المصدر 😀 &lt;b&gt;');
    expect(html(<VisibleText text="" />)).toBe('');
  });
});

describe('visibleText', () => {
  it('is the string form for attributes and options: each invisible character becomes ◇', () => {
    expect(visibleText('safe\u202egnp.exe')).toBe('safe◇gnp.exe');
    expect(visibleText('\u2067x\u2069\u200d')).toBe('◇x◇◇');
    expect(visibleText('plain')).toBe('plain');
  });
});

describe('InvisibleCharsNote', () => {
  it('names each invisible character an editing field holds, once; nothing for plain text', () => {
    expect(html(<InvisibleCharsNote text={'a\u202eb\u202ec\u200b'} />)).toBe(
      '<span class="invisible-chars-note" data-testid="invisible-chars-note">Holds ◇ U+202E RIGHT-TO-LEFT OVERRIDE, ◇ U+200B ZERO WIDTH SPACE</span>',
    );
    expect(html(<InvisibleCharsNote text="plain" />)).toBe('');
  });
});
