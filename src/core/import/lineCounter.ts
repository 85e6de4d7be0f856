/**
 * Line numbers of places in a text asked in increasing order, as a file's parts are read front to back: each
 * character is scanned once over all the questions, where counting from the start each time made reading a
 * file of many short parts quadratic (Label Studio: 32,000 pretty-printed tasks took 115 s).
 */
export class LineCounter {
  private position = 0;
  private line = 1;
  /** Index of the first line break at or after `position`, or Infinity when none is left. */
  private nextBreak: number;
  /** Characters scanned for line breaks so far: what the tests hold to the text's length. */
  scanned = 0;

  constructor(private readonly text: string) {
    this.nextBreak = this.findBreak(0);
  }

  /** The line (from 1) of string index `index`. Asking for an earlier place starts again from the top. */
  lineAt(index: number): number {
    if (index < this.position) {
      this.position = 0;
      this.line = 1;
      this.nextBreak = this.findBreak(0);
    }
    while (this.nextBreak < index) {
      this.line++;
      this.nextBreak = this.findBreak(this.nextBreak + 1);
    }
    this.position = index;
    return this.line;
  }

  private findBreak(from: number): number {
    const at = this.text.indexOf('\n', from);
    this.scanned += (at === -1 ? this.text.length : at + 1) - from;
    return at === -1 ? Infinity : at;
  }
}
