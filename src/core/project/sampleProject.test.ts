import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSession } from '../session/session';
import { dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { codePointSlice, useTempDirs } from '../../../test/support/fixtures';
import { Project } from './project';
import { SAMPLE_PROJECT_FILE, ensureSampleProject, samplesDirIn } from './sampleProject';

const temp = useTempDirs();
const ROOT = resolve(__dirname, '../../..');
const SAMPLES = join(ROOT, 'resources', 'samples');

interface Line {
  id: string;
  title: string;
  status: string;
  text: string;
  spans: Array<{ start: number; end: number; label: string; text: string; annotator: string | null }>;
}
const LINES = readFileSync(join(SAMPLES, 'annotations.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Line);

describe('the sample project', () => {
  it('holds every sample article with exactly the spans of annotations.jsonl', () => {
    const path = join(temp.make(), 'sample.spanlight');
    ensureSampleProject(SAMPLES, path);
    const project = Project.open(path);
    try {
      const documents = project.documents.list();
      expect(documents.map((d) => d.title)).toEqual(LINES.map((line) => line.title));
      documents.forEach((summary, i) => {
        const line = LINES[i]!;
        const document = project.documents.get(summary.id)!;
        expect(document.text).toBe(line.text);
        expect(document.status).toBe(line.status);
        const stored = project.annotations.listByDocument(summary.id).map((a) => ({
          start: a.start,
          end: a.end,
          label: a.labelId,
          text: codePointSlice(document.text, a.start, a.end),
          annotator: a.annotator,
        }));
        const expected = line.spans.map(({ start, end, label, text, annotator }) => ({
          start,
          end,
          label,
          text,
          annotator,
        }));
        const order = (a: { start: number; end: number; label: string }) => `${a.start}:${a.end}:${a.label}`;
        expect([...stored].sort((a, b) => order(a).localeCompare(order(b)))).toEqual(
          [...expected].sort((a, b) => order(a).localeCompare(order(b))),
        );
      });
    } finally {
      project.close();
    }
    // Built under another name and renamed: nothing else is left in the folder.
    expect(readdirSync(join(path, '..'))).toEqual(['sample.spanlight']);
  });

  it('is built once: a second call keeps the project and the user changes in it', () => {
    const path = join(temp.make(), 'sample.spanlight');
    ensureSampleProject(SAMPLES, path);
    const project = Project.open(path);
    const [first] = project.documents.list();
    project.annotationService.create({ documentId: first!.id, start: 0, end: 1, labelId: 'claim' });
    const count = project.annotations.listByDocument(first!.id).length;
    project.close();
    const modified = statSync(path).mtimeMs;

    ensureSampleProject(SAMPLES, path);
    expect(statSync(path).mtimeMs).toBe(modified);
    const again = Project.open(path);
    try {
      expect(again.annotations.listByDocument(first!.id)).toHaveLength(count);
    } finally {
      again.close();
    }
  });

  it('refuses a samples folder without its articles and leaves no file behind', () => {
    const samples = temp.make();
    writeFileSync(join(samples, 'annotations.jsonl'), readFileSync(join(SAMPLES, 'annotations.jsonl')));
    const path = join(temp.make(), 'sample.spanlight');
    expect(() => ensureSampleProject(samples, path)).toThrow(/sample articles are missing/);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses annotations that do not match their articles, and leaves no file behind', () => {
    const samples = temp.make();
    mkdirSync(join(samples, 'articles'));
    const [line] = LINES;
    const broken = { ...line, spans: [{ ...line!.spans[0], text: 'not the text' }] };
    writeFileSync(join(samples, 'annotations.jsonl'), `${JSON.stringify(broken)}\n`);
    const dir = temp.make();
    const path = join(dir, 'sample.spanlight');
    expect(() => ensureSampleProject(samples, path)).toThrow(/did not import: annotations\.jsonl/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('finds resources/samples under the app root, and nothing where it is absent', () => {
    expect(samplesDirIn(ROOT)).toBe(SAMPLES);
    expect(samplesDirIn(temp.make())).toBeNull();
  });
});

describe('project:open-sample', () => {
  it('builds the sample project in the data folder, opens it, and reopens it the next time', async () => {
    const dataDir = temp.make();
    const session = new AppSession('browser', dataDir, null, SAMPLES);
    const handlers = createHandlers(session);
    const opened = await dispatch(handlers, 'project:open-sample', {});
    const path = join(dataDir, 'projects', SAMPLE_PROJECT_FILE);
    expect(opened).toEqual({
      ok: true,
      value: { path, name: 'Sample project', documentCount: LINES.length, annotator: null, readOnly: false },
    });
    const documentId = session.requireProject().documents.list()[0]!.id;
    await dispatch(handlers, 'documents:set-status', { id: documentId, status: 'skipped' });
    await dispatch(handlers, 'project:create', { path: join(dataDir, 'other') });

    expect(await dispatch(handlers, 'project:open-sample', {})).toEqual(opened);
    expect(session.requireProject().documents.get(documentId)!.status).toBe('skipped');
    expect(session.settings.get().recentProjects).toContain(path);
    session.close();
  });

  it('answers unsupported when the app has no sample articles', async () => {
    const session = new AppSession('browser', temp.make());
    expect(await dispatch(createHandlers(session), 'project:open-sample', {})).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });
});
