/**
 * What an undo or redo took back, for an action recorded before schema 9 only. Since then the core records
 * each action as a message of its `actions` catalogue (src/shared/messages/locales), which the renderer words
 * with `wordMessage`; an older project's actions hold only the English the core wrote then. This reads the few
 * shapes that English takes back into a message of that same catalogue, so both are worded from one set of
 * strings. The reading is a guess: a name that reads like the English around it ("x in y", a label called
 * "topic") is split wrongly, which is why new actions carry the message. A name of no known shape is shown as
 * it is.
 */
import { message, type Message } from '@shared/messages/message';
import { wordMessage } from './message';

const action = (key: string, params?: Record<string, string | number>) => message('actions', key, params);

const STATUS_CODES: Record<string, string> = {
  'to do': 'todo',
  'in progress': 'in_progress',
  done: 'done',
  skipped: 'skipped',
};

/** The English the core wrote before schema 9 (src/core/project/*Service.ts), most specific first. */
const SHAPES: ReadonlyArray<[RegExp, (match: RegExpExecArray) => Message]> = [
  [
    /^create (\d+) annotations \((.+)\)$/s,
    (m) => action('createMany', { count: Number(m[1]), labels: m[2]! }),
  ],
  [/^create (.+)$/s, (m) => action('create', { label: m[1]! })],
  [/^delete topic$/, () => action('deleteTopic')],
  [/^delete (.+)$/s, (m) => action('delete', { label: m[1]! })],
  [/^relabel to (.+) in (.+)$/s, (m) => action('relabelIn', { label: m[1]!, layer: m[2]! })],
  [/^relabel to (.+)$/s, (m) => action('relabel', { label: m[1]! })],
  [/^edit note$/, () => action('editNote')],
  [/^edit attributes$/, () => action('editAttributes')],
  [/^edit document details$/, () => action('editDetails')],
  [/^link (.+)$/s, (m) => action('link', { type: m[1]! })],
  [/^unlink (.+)$/s, (m) => action('unlink', { type: m[1]! })],
  [
    /^mark (to do|in progress|done|skipped)$/,
    (m) => action(`mark.${STATUS_CODES[m[1]!]}`, { status: STATUS_CODES[m[1]!]! }),
  ],
  [/^merge (.+)'s annotations$/s, (m) => action('merge', { annotator: m[1]! })],
  [/^accept agreed spans into (.+)$/s, (m) => action('acceptAgreed', { layer: m[1]! })],
  [/^accept (.+) from nobody into (.+)$/s, (m) => action('acceptUnowned', { label: m[1]!, layer: m[2]! })],
  [
    /^accept (.+) from (.+) into (.+)$/s,
    (m) => action('accept', { label: m[1]!, annotator: m[2]!, layer: m[3]! }),
  ],
  [/^reject for (.+)$/s, (m) => action('reject', { layer: m[1]! })],
  [/^change the extent in (.+)$/s, (m) => action('extent', { layer: m[1]! })],
  [/^add topic (.+)$/s, (m) => action('addTopic', { topic: m[1]! })],
  [/^rename topic to (.+)$/s, (m) => action('renameTopic', { topic: m[1]! })],
  [/^reorder topics$/, () => action('reorderTopics')],
];

/** The message an action recorded before schema 9 most likely meant, or undefined for an unknown shape. */
export function olderActionMessage(description: string): Message | undefined {
  for (const [shape, toMessage] of SHAPES) {
    const match = shape.exec(description);
    if (match) return toMessage(match);
  }
  return undefined;
}

/** An action recorded before schema 9, worded in the interface's language as far as its English allows. */
export function describeOlderAction(description: string): string {
  const said = olderActionMessage(description);
  return said ? wordMessage(said) : description;
}
