// Issue 15: each format that has an importer gives the provenance back: export, import into a new project,
// and every document has the same file name, outlet, date, address, language, external id and extra keys.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentMeta, ExportFormat } from '@shared/model';
import { Importer } from '../import/importer';
import { sourcesFromPaths } from '../import/sources';
import { Project } from '../project/project';
import { addDocument, steppingClock, useTempDirs } from '../../../test/support/fixtures';
import { exportPath } from '../../../test/support/datasetFixtures';
import { exportToFile } from './exporter';

const temp = useTempDirs();
let project: Project;
let target: Project;

beforeEach(() => {
  project = Project.inMemory(steppingClock());
  target = Project.inMemory(steppingClock());
  const arabic = addDocument(project, 'قالت مصادر محلية إن 93 مقاتلا قتلوا', 'reports/ar 1.txt');
  project.documentService.setMeta(arabic, {
    outlet: 'نورث برس',
    published: '2020-10-05T17:35:00+03:00',
    url: 'https://npasyria.com/ar/1',
    language: 'ar',
    externalId: 'np-1',
    extra: { section: 'world', page: 4, tags: ['syria', null], nested: { a: true } },
  });
  // The user cleared the language: a re-import must not guess it again.
  const english = addDocument(project, 'Armenia says 4,000 were sent', 'en.txt');
  project.documentService.setMeta(english, {
    outlet: null,
    published: '2020-10-02',
    url: null,
    language: null,
    externalId: null,
    extra: {},
  });
  addDocument(project, 'A third article with nothing known', 'third.txt');
  project.annotationService.create({ documentId: english, start: 13, end: 18, labelId: 'number' });
});

afterEach(() => {
  project.close();
  target.close();
});

const byTitle = (p: Project) =>
  new Map(p.documents.list().map((d) => [d.title, p.documents.meta(d.id)!] as [string, DocumentMeta]));

describe.each<ExportFormat>(['jsonl', 'spacy', 'doccano', 'label-studio'])('%s', (format) => {
  it('export then import gives back every document’s provenance', async () => {
    const path = exportPath(temp.make(), 'round', format);
    await exportToFile(project, format, path);
    const report = new Importer(target, { format: format === 'spacy' ? 'jsonl' : 'auto' }).importAll(
      sourcesFromPaths([path]).sources,
    );
    expect(report.rejected).toEqual([]);
    expect(byTitle(target)).toEqual(byTitle(project));
    expect([...byTitle(target).values()].map((m) => m.fileName)).toEqual([
      'reports/ar 1.txt',
      'en.txt',
      'third.txt',
    ]);
  });
});
