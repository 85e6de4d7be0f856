/**
 * Everything the CLI prints passes through here, because it prints imported text (titles, label names, file
 * names, reasons quoting them) and a terminal obeys control characters: an ESC in a title can move the
 * cursor, set the window title, or write the clipboard (OSC 52). Controls are shown, never sent: C0 controls
 * and DEL as their Unicode control pictures (ESC as ␛), C1 controls and the invisible characters the app
 * shows as ◇ (bidi controls, zero-width characters: @shared/invisibleChars) as `<U+XXXX>`. Tab and newline
 * stay: they are the CLI's own layout.
 */
import { INVISIBLE_CHARS, describeChar, revealInvisibles } from '@shared/invisibleChars';
import type { CliIo } from './run';

/** C0 controls but tab and newline, DEL, and the C1 controls. */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const codePoint = (ch: string) => describeChar(ch).split(' ')[0]!;

function picture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<${codePoint(ch)}>`;
}

/** `text` as a terminal may receive it: nothing in it is a control, and a reader sees what was there. */
export function terminalText(text: string): string {
  return revealInvisibles(text.replace(CONTROLS, picture), (ch) => `<${codePoint(ch)}>`);
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but sends DEL, C1 and bidi controls raw; these are
 * escaped as `\uXXXX` too, so the output is still the same JSON value and has nothing left to show.
 */
export function terminalJson(value: unknown): string {
  const raw = new RegExp(`[\\u007f-\\u009f]|${INVISIBLE_CHARS.source}`, 'g');
  return JSON.stringify(value).replace(raw, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `io` with every line made safe for a terminal. */
export function terminalIo(io: CliIo): CliIo {
  return { out: (line) => io.out(terminalText(line)), err: (line) => io.err(terminalText(line)) };
}
