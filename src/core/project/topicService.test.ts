import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportToFile } from '../export/exporter';
import { Importer } from '../import/importer';
import { sourceFromBytes } from '../import/sources';
import {
  changeLogOf,
  expectAppError,
  projectWithDocument,
  rangeOf,
  useTempDirs,
} from '../../../test/support/fixtures';
import type { Project } from './project';
import { TOPICS_HISTORY } from './topicService';

const TEXT = 'Title\nThe observatory said 93 fighters were killed; Armenia said 4,000 were sent.';

const temp = useTempDirs();
let project: Project;
let documentId: string;
beforeEach(() => ({ project, documentId } = projectWithDocument(TEXT)));
afterEach(() => project.close());

const names = () => project.topics.list().map((t) => t.name);

function number(needle: string, topic?: string) {
  return project.annotationService.create({
    documentId,
    ...rangeOf(TEXT, needle),
    labelId: 'number',
    attributes: topic === undefined ? {} : { topic },
  }).upserted[0]!;
}

describe('topics list', () => {
  it('adds topics in order, logs each and refuses a second of the same name in any case', () => {
    project.topicService.create('fighters killed');
    const topics = project.topicService.create('fighters sent');
    expect(topics.map((t) => [t.name, t.position])).toEqual([
      ['fighters killed', 0],
      ['fighters sent', 1],
    ]);
    expect(changeLogOf(project, topics[1]!.id)).toMatchObject([
      { entity: 'topic', op: 'insert', cause: 'do', after: { name: 'fighters sent' } },
    ]);
    expectAppError(() => project.topicService.create('Fighters Killed'), 'invalid_input', /exists/);
  });

  it('reorders, and refuses an order that does not list every topic once', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((n) => project.topicService.create(n).at(-1)!);
    expect(project.topicService.reorder([c!.id, a!.id, b!.id]).map((t) => t.name)).toEqual(['c', 'a', 'b']);
    expectAppError(() => project.topicService.reorder([a!.id, b!.id]), 'invalid_input', /every topic/);
  });

  it('renames a topic and the topic of every annotation that carries it; undo puts both back', () => {
    const [killed] = project.topicService.create('fighters killed');
    const tagged = number('93', 'fighters killed');
    const untagged = number('4,000');
    project.topicService.rename(killed!.id, 'killed');
    expect(names()).toEqual(['killed']);
    expect(project.annotations.get(tagged.id)!.attributes).toEqual({ topic: 'killed' });
    expect(project.annotations.get(untagged.id)!.attributes).toEqual({});

    expect(project.topicService.undo().description).toBe('rename topic to killed');
    expect(names()).toEqual(['fighters killed']);
    expect(project.annotations.get(tagged.id)!.attributes).toEqual({ topic: 'fighters killed' });
    project.topicService.redo();
    expect(project.annotations.get(tagged.id)!.attributes).toEqual({ topic: 'killed' });
  });

  it('deletes a topic, clearing it from its annotations (which stay), undoably', () => {
    const [killed] = project.topicService.create('fighters killed');
    const tagged = number('93', 'fighters killed');
    project.topicService.delete(killed!.id);
    expect(names()).toEqual([]);
    expect(project.annotations.get(tagged.id)).toMatchObject({ labelId: 'number', attributes: {} });
    project.topicService.undo();
    expect(project.topics.list()).toEqual([killed]);
    expect(project.annotations.get(tagged.id)!.attributes).toEqual({ topic: 'fighters killed' });
  });

  it('keeps the topic history apart from the documents', () => {
    project.topicService.create('pay');
    number('93');
    // Undo in the document undoes the annotation, not the topic.
    project.history.undo(documentId);
    expect(names()).toEqual(['pay']);
    expect(project.changes.lastDone(TOPICS_HISTORY)?.description).toBe('add topic pay');
  });
});

describe('the topic attribute', () => {
  it('is on every label, spelled as the list spells it', () => {
    project.topicService.create('Fighters killed');
    const claim = project.annotationService.create({
      documentId,
      ...rangeOf(TEXT, '93 fighters were killed'),
      labelId: 'claim',
      attributes: { topic: '  fighters KILLED ', source: 'the observatory' },
    }).upserted[0]!;
    expect(claim.attributes).toEqual({ topic: 'Fighters killed', source: 'the observatory' });
    expect(
      project.annotationService.setAttributes(claim.id, { topic: '  ' }).upserted[0]!.attributes,
    ).toEqual({});
    expectAppError(
      () => project.annotationService.setAttributes(claim.id, { topic: 3 }),
      'invalid_input',
      /"topic" of claim must be a text/,
    );
  });

  it('adds a topic typed on an annotation to the list, and undoing the annotation takes it off again', () => {
    number('93', 'fighters killed');
    expect(names()).toEqual(['fighters killed']);
    project.history.undo(documentId);
    expect(names()).toEqual([]);
  });

  it('comes in from canonical JSONL, adding topics the project does not have', () => {
    project.topicService.create('fighters sent');
    const line = JSON.stringify({
      text: 'Other\n72 were killed and 430 sent.',
      spans: [
        { start: 6, end: 8, label: 'number', attributes: { topic: 'fighters killed', value: 72 } },
        { start: 25, end: 28, label: 'number', attributes: { topic: 'Fighters sent' } },
      ],
    });
    const report = new Importer(project).importAll([sourceFromBytes('more.jsonl', Buffer.from(line))]);
    expect(report.rejected).toEqual([]);
    expect(names()).toEqual(['fighters sent', 'fighters killed']);
    const imported = project.annotations.listByDocument(report.imported[0]!.documentId);
    expect(imported.map((a) => a.attributes.topic)).toEqual(['fighters killed', 'fighters sent']);
    expect(
      changeLogOf(project)
        .filter((c) => c.entity === 'topic')
        .at(-1),
    ).toMatchObject({
      cause: 'import',
      after: { name: 'fighters killed' },
    });
  });
});

describe('canonical JSONL', () => {
  it('writes the topic as an attribute, and a project importing it gets the topic on its list', async () => {
    number('93', 'fighters killed');
    const path = join(temp.make(), 'out.jsonl');
    await exportToFile(project, 'jsonl', path);
    const line = JSON.parse(readFileSync(path, 'utf8').trim()) as {
      spans: Array<{ attributes: Record<string, unknown> }>;
    };
    expect(line.spans.map((s) => s.attributes)).toEqual([{ topic: 'fighters killed' }]);
    const other = projectWithDocument('Another\ntext.').project;
    try {
      new Importer(other).importAll([sourceFromBytes('out.jsonl', readFileSync(path))]);
      expect(other.topics.list().map((t) => t.name)).toEqual(['fighters killed']);
    } finally {
      other.close();
    }
  });
});
