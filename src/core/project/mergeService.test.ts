/**
 * Merging layers (issue 12): links between a layer's spans come with them (they were not merged), a layer is
 * one change-log entry holding its diff, and undo and redo of a merge put every span and link back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { message } from '@shared/messages/message';
import { jsonlMergeSource } from '../import/mergeSources';
import { projectWithDocument, tableRows, useTempDirs } from '../../../test/support/fixtures';
import type { Project } from './project';

const temp = useTempDirs();
const TEXT = 'Officials said 93 fighters were killed. Baku denied it.';

type Line = { text: string; spans: object[]; relations?: object[] };

function merge(project: Project, lines: Line[]) {
  const path = join(temp.make(), 'source.jsonl');
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return project.mergeService.merge(path, jsonlMergeSource(path).documents);
}

const span = (id: string, start: number, end: number, label: string, annotator = 'Ana') => ({
  id,
  start,
  end,
  label,
  annotator,
});

/** Ana's layer as [label, start, end] and her links as [type, from extent, to extent]. */
function anasLayer(project: Project, documentId: string) {
  const labels = new Map(project.labels.list().map((l) => [l.id, l.name]));
  const spans = project.annotations.listByDocument(documentId).filter((a) => a.annotator === 'Ana');
  const shape = new Map(spans.map((a) => [a.id, `${labels.get(a.labelId)} ${a.start}-${a.end}`]));
  return {
    spans: [...shape.values()].sort(),
    links: project.relations
      .listByDocument(documentId)
      .filter((r) => shape.has(r.fromId) || shape.has(r.toId))
      .map((r) => [r.type, shape.get(r.fromId), shape.get(r.toId)]),
  };
}

const CLAIM = span('c', 0, 38, 'claim');
const DENIAL = span('d', 40, 54, 'denial');
const NUMBER = span('n', 15, 17, 'number');

describe('merging links with their spans', () => {
  it('brings the links between a layer’s spans, not those to another annotator’s; merging twice changes nothing', () => {
    const { project, documentId } = projectWithDocument(TEXT);
    const source = [
      {
        text: TEXT,
        spans: [CLAIM, DENIAL, span('b', 15, 17, 'number', 'Ben')],
        relations: [
          { id: 'r1', from: 'd', to: 'c', type: 'denies' },
          { id: 'r2', from: 'b', to: 'c', type: 'supports' },
        ],
      },
    ];
    const first = merge(project, source);
    expect(first.merged.map((m) => [m.annotator, m.added])).toEqual([
      ['Ana', 2],
      ['Ben', 1],
    ]);
    expect(anasLayer(project, documentId)).toEqual({
      spans: ['claim 0-38', 'denial 40-54'],
      links: [['denies', 'denial 40-54', 'claim 0-38']],
    });
    expect(project.relations.get('r1')).toBeDefined();
    expect(project.relations.listByDocument(documentId)).toHaveLength(1);
    const logged = tableRows(project, 'change_log').length;
    const again = merge(project, source);
    expect(again).toMatchObject({ merged: [], unchanged: 2, conflicts: [] });
    expect(tableRows(project, 'change_log')).toHaveLength(logged);
    project.close();
  });

  it('adds and removes links as the source’s layer changes, each layer one change-log entry, undone and redone whole', () => {
    const { project, documentId } = projectWithDocument(TEXT);
    merge(project, [
      { text: TEXT, spans: [CLAIM, DENIAL], relations: [{ from: 'd', to: 'c', type: 'denies' }] },
    ]);
    const v1 = anasLayer(project, documentId);
    const annotationsV1 = tableRows(project, 'annotations');
    const relationsV1 = tableRows(project, 'relations');
    // v2: the same spans, the link gone, a number added and linked; then the claim dropped (its link with it).
    const v2 = merge(project, [
      {
        text: TEXT,
        spans: [CLAIM, DENIAL, NUMBER],
        relations: [{ from: 'n', to: 'c', type: 'supports' }],
      },
    ]);
    expect(v2.merged).toEqual([
      { document: expect.any(String), annotator: 'Ana', added: 1, changed: 0, removed: 0 },
    ]);
    const v2Layer = anasLayer(project, documentId);
    expect(v2Layer).toEqual({
      spans: ['claim 0-38', 'denial 40-54', 'number 15-17'],
      links: [['supports', 'number 15-17', 'claim 0-38']],
    });
    const action = project.db.prepare('SELECT max(id) FROM actions').pluck().get() as number;
    expect(
      project.db.prepare('SELECT entity, op FROM change_log WHERE action_id = ?').raw().all(action),
    ).toEqual([['layer', 'update']]);

    const undo = project.history.undo(documentId);
    expect(undo.description).toBe("merge Ana's annotations");
    expect(undo.message).toEqual(message('actions', 'merge', { annotator: 'Ana' }));
    expect(anasLayer(project, documentId)).toEqual(v1);
    expect(tableRows(project, 'annotations')).toEqual(annotationsV1);
    expect(tableRows(project, 'relations')).toEqual(relationsV1);
    project.history.redo(documentId);
    expect(anasLayer(project, documentId)).toEqual(v2Layer);

    const v3 = merge(project, [{ text: TEXT, spans: [DENIAL, NUMBER] }]);
    expect(v3.merged[0]).toMatchObject({ added: 0, removed: 1 });
    expect(anasLayer(project, documentId)).toEqual({ spans: ['denial 40-54', 'number 15-17'], links: [] });
    project.history.undo(documentId);
    expect(anasLayer(project, documentId)).toEqual(v2Layer);
    project.close();
  });

  it('does not undo a merge over a later change made elsewhere to a span it touched', () => {
    const { project, documentId } = projectWithDocument(TEXT);
    merge(project, [{ text: TEXT, spans: [CLAIM] }]);
    const [claim] = project.annotations.listByDocument(documentId);
    // Another connection's change, straight to the table (no action of this session).
    project.db.prepare('UPDATE annotations SET note = ? WHERE id = ?').run('changed elsewhere', claim!.id);
    expect(() => project.history.undo(documentId)).toThrow(/another window or program has changed it/);
    expect(project.annotations.get(claim!.id)?.note).toBe('changed elsewhere');
    project.close();
  });
});
