/**
 * What an undo or redo took back, in the interface's language. The core names each action in English when it
 * records it (the change log keeps that text, and projects made before this hold only it), so the renderer
 * reads the few shapes those names take and says them through i18next; a name of no known shape is shown as
 * it is. Label, layer and topic names inside stay as the user wrote them.
 */
import { i18n } from './i18n';

type Params = Record<string, string>;

/** The core's action names (src/core/project/*Service.ts), most specific first. */
const SHAPES: ReadonlyArray<[RegExp, string, (match: RegExpExecArray) => Params]> = [
  [/^create (\d+) annotations \((.+)\)$/s, 'createMany', (m) => ({ count: m[1]!, labels: m[2]! })],
  [/^create (.+)$/s, 'create', (m) => ({ label: m[1]! })],
  [/^delete topic$/, 'deleteTopic', () => ({})],
  [/^delete (.+)$/s, 'delete', (m) => ({ label: m[1]! })],
  [/^relabel to (.+) in (.+)$/s, 'relabelIn', (m) => ({ label: m[1]!, layer: m[2]! })],
  [/^relabel to (.+)$/s, 'relabel', (m) => ({ label: m[1]! })],
  [/^edit note$/, 'editNote', () => ({})],
  [/^edit attributes$/, 'editAttributes', () => ({})],
  [/^edit document details$/, 'editDetails', () => ({})],
  [/^link (.+)$/s, 'link', (m) => ({ type: m[1]! })],
  [/^unlink (.+)$/s, 'unlink', (m) => ({ type: m[1]! })],
  [/^mark (to do|in progress|done|skipped)$/, 'mark', (m) => ({ status: m[1]! })],
  [/^merge (.+)'s annotations$/s, 'merge', (m) => ({ annotator: m[1]! })],
  [/^accept agreed spans into (.+)$/s, 'acceptAgreed', (m) => ({ layer: m[1]! })],
  [/^accept (.+) from (.+) into (.+)$/s, 'accept', (m) => ({ label: m[1]!, annotator: m[2]!, layer: m[3]! })],
  [/^reject for (.+)$/s, 'reject', (m) => ({ layer: m[1]! })],
  [/^change the extent in (.+)$/s, 'extent', (m) => ({ layer: m[1]! })],
  [/^add topic (.+)$/s, 'addTopic', (m) => ({ topic: m[1]! })],
  [/^rename topic to (.+)$/s, 'renameTopic', (m) => ({ topic: m[1]! })],
  [/^reorder topics$/, 'reorderTopics', () => ({})],
];

const STATUS_KEYS: Record<string, string> = {
  'to do': 'todo',
  'in progress': 'in_progress',
  done: 'done',
  skipped: 'skipped',
};

export function describeAction(description: string): string {
  for (const [shape, key, params] of SHAPES) {
    const match = shape.exec(description);
    if (!match) continue;
    const values = params(match);
    if (key === 'mark')
      values.status = i18n.t(`actions.status.${STATUS_KEYS[values.status!]}`, { ns: 'common' });
    if (key === 'createMany')
      return i18n.t('actions.createMany', { ns: 'common', ...values, count: Number(values.count) });
    return i18n.t(`actions.${key}`, { ns: 'common', ...values });
  }
  return description;
}
