/**
 * Issue 16: an annotation accepted from a suggestion remembers it (annotations.origin = 'suggestion'), and the
 * canonical JSONL carries that as `"origin": "suggestion"`, read back by its import. A span without the key
 * was made by hand; any other value rejects the file with its line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { Importer } from '../import/importer';
import { sourceFromBytes } from '../import/sources';
import { Project } from '../project/project';
import { CollectingWritable, projectWithDocument, steppingClock } from '../../../test/support/fixtures';
import { exportDataset } from './exporter';
import { inEnglish } from '../../../test/support/importProblems';

const TEXT = 'The ministry said that 72 fighters were killed near Hadrut.';
const SCHEMA = resolve(__dirname, '../../../resources/schemas/spanlight-jsonl.schema.json');

async function jsonlOf(project: Project): Promise<string> {
  const out = new CollectingWritable();
  await project.withSnapshot((reader) => exportDataset(reader, 'jsonl', out));
  return out.text;
}

type Span = { text: string; origin?: string };

describe('origin in the canonical JSONL', () => {
  it('exports an accepted suggestion with "origin": "suggestion", a hand-made span without it, and reads both back', async () => {
    const { project, documentId } = projectWithDocument(TEXT);
    project.setAnnotator('Rana');
    const number = project.suggestionService.forDocument(documentId).find((s) => s.labelId === 'number')!;
    project.suggestionService.accept(documentId, number.id);
    const ministry = TEXT.indexOf('The ministry');
    project.annotationService.create({ documentId, start: ministry, end: ministry + 12, labelId: 'claim' });

    const exported = await jsonlOf(project);
    project.close();
    const line = JSON.parse(exported) as { spans: Span[] };
    const byText = new Map(line.spans.map((s) => [s.text, s]));
    expect(byText.get('72')!.origin).toBe('suggestion');
    expect('origin' in byText.get('The ministry')!).toBe(false);
    const validate = new Ajv2020({ allowUnionTypes: true }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    expect(validate(line), JSON.stringify(validate.errors)).toBe(true);

    const copy = Project.inMemory(steppingClock());
    const report = new Importer(copy).importAll([sourceFromBytes('origin.jsonl', Buffer.from(exported))]);
    expect(report.rejected).toEqual([]);
    const [doc] = copy.documents.list();
    const origins = copy.annotations
      .listByDocument(doc!.id)
      .map((a) => [a.start, a.origin ?? 'by hand'])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(origins).toEqual([
      [ministry, 'by hand'],
      [TEXT.indexOf('72'), 'suggestion'],
    ]);
    // The round trip gives the same bytes.
    expect(await jsonlOf(copy)).toBe(exported);
    copy.close();
  });

  it('rejects any other origin, naming the file and line', () => {
    const line = (origin: unknown) =>
      JSON.stringify({ text: 'Troops left', spans: [{ start: 0, end: 6, label: 'claim', origin }] });
    const project = Project.inMemory(steppingClock());
    const content = `${JSON.stringify({ text: 'Fine' })}\n${line('model')}\n`;
    const report = new Importer(project).importAll([sourceFromBytes('bad.jsonl', Buffer.from(content))]);
    expect(report.imported).toEqual([]);
    expect(inEnglish(report.rejected)).toEqual([
      {
        fileName: 'bad.jsonl',
        reason:
          'bad.jsonl:2: spans.0.origin: origin "model" is not "suggestion" (leave it out for a span made by hand)',
      },
    ]);
    project.close();
  });
});
