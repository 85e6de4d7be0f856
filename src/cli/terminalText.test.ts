import { describe, expect, it } from 'vitest';
import { terminalIo, terminalJson, terminalText } from './terminalText';

describe('terminalText', () => {
  it.each([
    ['an OSC 52 clipboard write', 'a\x1b]52;c;SGk=\x07b', 'a␛]52;c;SGk=␇b'],
    ['an OSC with the ST terminator', '\x1b]0;title\x1b\\', '␛]0;title␛\\'],
    ['a CSI cursor move and screen clear', '\x1b[1A\x1b[2J', '␛[1A␛[2J'],
    ['a carriage return that would overwrite the line', 'ok\rno', 'ok␍no'],
    ['NUL, backspace and DEL', '\0\b\x7f', '␀␈␡'],
    ['the C1 CSI and NEL', '\u009b31m\u0085', '<U+009B>31m<U+0085>'],
    ['a bidi override and a zero-width space', 'safe\u202egnp.exe\u200b', 'safe<U+202E>gnp.exe<U+200B>'],
  ])('shows %s', (_name, text, shown) => {
    expect(terminalText(text)).toBe(shown);
  });

  it('leaves tab, newline and ordinary text, Arabic and emoji included, as they are', () => {
    const text = 'Title\twith tab\n  قال المصدر 😀 é ␛ already a picture';
    expect(terminalText(text)).toBe(text);
  });
});

describe('terminalJson', () => {
  it('escapes DEL, C1 and bidi controls as \\u escapes, and parses back to the same value', () => {
    const value = { label: 'a\x1b[2J\u009b\u007f\u202eb', n: 1 };
    const json = terminalJson(value);
    expect(json).toBe('{"label":"a\\u001b[2J\\u009b\\u007f\\u202eb","n":1}');
    expect(JSON.parse(json)).toEqual(value);
    expect(terminalText(json)).toBe(json);
  });
});

describe('terminalIo', () => {
  it('escapes what goes to both streams', () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = terminalIo({ out: (l) => out.push(l), err: (l) => err.push(l) });
    io.out('\x1b[2J');
    io.err('\x1b]52;c;eA==\x07');
    expect({ out, err }).toEqual({ out: ['␛[2J'], err: ['␛]52;c;eA==␇'] });
  });
});
