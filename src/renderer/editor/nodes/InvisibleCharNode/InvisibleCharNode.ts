/**
 * Characters that change how text displays without showing themselves (bidi controls, zero-width joiners
 * and spaces, the BOM: @shared/invisibleChars) are drawn as a faint visible marker instead, so the article shows what it holds and
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
import { INVISIBLE_MARKER, describeChar } from '@shared/invisibleChars';

export class InvisibleCharNode extends TextNode {
  __original: string;

  static override getType(): string {
    return 'invisible-char';
  }

  static override clone(node: InvisibleCharNode): InvisibleCharNode {
    return new InvisibleCharNode(node.__original, node.__key);
  }

  constructor(original: string, key?: NodeKey) {
    super(INVISIBLE_MARKER, key);
    this.__original = original;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.classList.add('invisible-char');
    dom.title = describeChar(this.__original);
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
