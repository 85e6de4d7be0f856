/**
 * Characters that change how text displays without showing themselves (bidi controls, zero-width joiners
 * and spaces, the BOM) are drawn as a faint visible marker instead, so the article shows what it holds and
 * cannot be silently reordered. The marker has the same UTF-16 length as the character (one unit), so every
 * DOM offset still maps to the same document offset.
 */
import {
  $applyNodeReplacement,
  TextNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedTextNode,
} from 'lexical';

export const INVISIBLE_CHARS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

const NAMES: Record<string, string> = {
  '\u061c': 'ARABIC LETTER MARK',
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
};

/** The visible stand-in: one UTF-16 unit, bidi-neutral. */
const MARKER = '\u25c7';

export class InvisibleCharNode extends TextNode {
  __original: string;

  static override getType(): string {
    return 'invisible-char';
  }

  static override clone(node: InvisibleCharNode): InvisibleCharNode {
    return new InvisibleCharNode(node.__original, node.__key);
  }

  constructor(original: string, key?: NodeKey) {
    super(MARKER, key);
    this.__original = original;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.classList.add('invisible-char');
    const code = this.__original.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    dom.title = `U+${code} ${NAMES[this.__original] ?? 'invisible character'}`;
    return dom;
  }

  static override importJSON(json: SerializedTextNode): InvisibleCharNode {
    return $createInvisibleCharNode(json.text);
  }
}

export function $createInvisibleCharNode(original: string): InvisibleCharNode {
  return $applyNodeReplacement(new InvisibleCharNode(original).setMode('token'));
}

export function $isInvisibleCharNode(node: LexicalNode | null | undefined): node is InvisibleCharNode {
  return node instanceof InvisibleCharNode;
}
