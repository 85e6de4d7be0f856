/**
 * Each export held to the rules of the tool its users load it with (scripts/check_consumers.py, written from
 * those tools' documentation and source): brat's text-bound checks, the Label Studio converter's task keys,
 * doccano's JSONL, spaCy's Doc(words, spaces), seqeval's BIO, the W3C model's MUSTs after JSON-LD expansion,
 * the REFI-QDA project structure. The documents are the ones that broke them: a span on its lines' breaks, a
 * repeated caption, a number between bidi isolates, emoji in a short file, a Unicode line separator.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_INFO } from '@shared/datasets';
import type { ExportFormat, ExportSummary } from '@shared/model';
import { Importer } from '../import/importer';
import { sourceFromBytes } from '../import/sources';
import { Project } from '../project/project';
import { rangeOf, steppingClock, useTempDirs } from '../../../test/support/fixtures';
import { exportToFile } from './exporter';

const temp = useTempDirs();
const CHECK = resolve(__dirname, '../../../scripts/check_consumers.py');
/** Debian's Python, where python3-pyld and python3-lxml are installed (a python3 earlier on PATH may lack them). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export const CHECKPOINTS = 'Checkpoints today\n\tCheckpoint B:\t7 vehicles\nCheckpoint C: none\n';
const CLAIM = '\tCheckpoint B:\t7 vehicles\n';
const FILLER = 'and the same forty characters around it ';
const CAPTION = 'Photo: smoke rises over the city.';
export const REPEATED =
  `Story one. ${FILLER}${CAPTION} ${FILLER}\n` + `Story two. ${FILLER}${CAPTION} ${FILLER}\n`;
export const BIDI = 'Casualties: \u2066120\u2069 people; في \u2067٣٫٥\u2069 مواقع.';
export const EMOJI = 'عاجل 😀🔥 قال';
export const SEPARATOR = 'First line\u2028second line\tend';

/**
 * The terms of the Web Annotation model's JSON-LD context (http://www.w3.org/ns/anno.jsonld) that the export
 * uses, with the IRIs and types the model gives them: there is no network here to load the context itself.
 */
const ANNO_CONTEXT_TERMS = {
  '@context': {
    oa: 'http://www.w3.org/ns/oa#',
    dc: 'http://purl.org/dc/elements/1.1/',
    dcterms: 'http://purl.org/dc/terms/',
    dctypes: 'http://purl.org/dc/dcmitype/',
    foaf: 'http://xmlns.com/foaf/0.1/',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    id: { '@type': '@id', '@id': '@id' },
    type: { '@type': '@id', '@id': '@type' },
    Annotation: 'oa:Annotation',
    Text: 'dctypes:Text',
    TextualBody: 'oa:TextualBody',
    TextQuoteSelector: 'oa:TextQuoteSelector',
    TextPositionSelector: 'oa:TextPositionSelector',
    Person: 'foaf:Person',
    commenting: 'oa:commenting',
    linking: 'oa:linking',
    tagging: 'oa:tagging',
    body: { '@type': '@id', '@id': 'oa:hasBody' },
    target: { '@type': '@id', '@id': 'oa:hasTarget' },
    source: { '@type': '@id', '@id': 'oa:hasSource' },
    selector: { '@type': '@id', '@id': 'oa:hasSelector' },
    creator: { '@type': '@id', '@id': 'dcterms:creator' },
    motivation: { '@type': '@vocab', '@id': 'oa:motivatedBy' },
    purpose: { '@type': '@vocab', '@id': 'oa:hasPurpose' },
    format: 'dc:format',
    language: 'dc:language',
    via: { '@type': '@id', '@id': 'oa:via' },
    value: 'rdf:value',
    exact: 'oa:exact',
    prefix: 'oa:prefix',
    suffix: 'oa:suffix',
    name: 'foaf:name',
    label: 'rdfs:label',
    created: { '@id': 'dcterms:created', '@type': 'xsd:dateTime' },
    modified: { '@id': 'dcterms:modified', '@type': 'xsd:dateTime' },
    start: { '@id': 'oa:start', '@type': 'xsd:nonNegativeInteger' },
    end: { '@id': 'oa:end', '@type': 'xsd:nonNegativeInteger' },
  },
};

const FORMATS = ['brat', 'label-studio', 'doccano', 'spacy', 'conll', 'webanno', 'qdpx'] as const;

let dir: string;
let project: Project;
let contextPath: string;
const paths = {} as Record<ExportFormat, string>;
const summaries = {} as Record<ExportFormat, ExportSummary>;

function importText(name: string, text: string): string {
  const report = new Importer(project).importAll([sourceFromBytes(name, Buffer.from(text, 'utf8'))]);
  return report.imported[0]!.documentId;
}

/** The second place `needle` is in `text`, in code points. */
function secondRangeOf(text: string, needle: string) {
  const at = text.indexOf(needle, text.indexOf(needle) + 1);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}

beforeAll(async () => {
  dir = temp.make();
  project = Project.create(join(dir, 'consumers.spanlight'), steppingClock());
  project.setAnnotator('Rana');
  const span = (documentId: string, range: { start: number; end: number }, labelId: string) =>
    project.annotationService.create({ documentId, ...range, labelId }).upserted[0]!.id;
  const checkpoints = importText('checkpoints.txt', CHECKPOINTS);
  const claim = span(checkpoints, rangeOf(CHECKPOINTS, CLAIM), 'claim');
  const none = span(checkpoints, rangeOf(CHECKPOINTS, 'none'), 'denial');
  project.relationService.create(none, claim, 'denies');
  // A span of one line break (brat cannot hold it), with a link; a note holding a Unicode line separator.
  const lineBreak = span(checkpoints, rangeOf(CHECKPOINTS, '\n'), 'number');
  project.relationService.create(lineBreak, claim, 'supports');
  project.annotationService.setNote(none, 'said twice\u2028by the same man');
  const repeated = importText('repeated.txt', REPEATED);
  span(repeated, secondRangeOf(REPEATED, CAPTION), 'claim');
  span(repeated, rangeOf(REPEATED, CAPTION), 'denial');
  const bidi = importText('bidi.txt', BIDI);
  span(bidi, rangeOf(BIDI, '120'), 'number');
  span(bidi, rangeOf(BIDI, '\u2067٣٫٥\u2069'), 'number');
  // Provenance (issue 15): an Arabic outlet, a date with a time, an address, extra keys that are not text.
  project.documentService.setMeta(bidi, {
    outlet: 'سانا & "SANA" <agency>',
    published: '2020-10-05T17:35:00+03:00',
    url: 'https://example.org/sana?id=1&lang=ar',
    language: 'ar',
    externalId: 'sana-1',
    extra: { page: 4, tags: ['syria', 'karabakh'], note: 'line\u2028break' },
  });
  const emoji = importText('emoji.txt', EMOJI);
  span(emoji, rangeOf(EMOJI, '😀🔥'), 'claim');
  // An address that is no absolute IRI: written as a plain value, not as an IRI to resolve.
  project.documentService.setMeta(emoji, {
    ...project.documents.meta(emoji)!,
    outlet: 'Emoji Press',
    url: 'example.org/emoji',
  });
  const separator = importText('separator.txt', SEPARATOR);
  span(separator, rangeOf(SEPARATOR, 'line\u2028second'), 'claim');
  for (const format of FORMATS) {
    const info = EXPORT_FORMAT_INFO[format];
    paths[format] = join(dir, info.layout === 'folder' ? format : `${format}${info.extension}`);
    summaries[format] = await exportToFile(project, format, paths[format]);
  }
  contextPath = join(dir, 'anno-context.jsonld');
  writeFileSync(contextPath, JSON.stringify(ANNO_CONTEXT_TERMS));
});

afterAll(() => project.close());

function check(format: string, ...args: string[]) {
  const run = spawnSync(PYTHON, [CHECK, format, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The .ann of the brat document whose .txt is `text` (file names are the naming function's business). */
function annOf(text: string): string {
  const name = readdirSync(paths.brat).find(
    (n) => n.endsWith('.txt') && readFileSync(join(paths.brat, n), 'utf8') === text,
  )!;
  return readFileSync(join(paths.brat, name.replace(/\.txt$/, '.ann')), 'utf8');
}

const lines = (format: ExportFormat) =>
  readFileSync(paths[format], 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));

describe("each export passes its consumer's rules", () => {
  it.each(FORMATS.filter((f) => f !== 'webanno'))('%s', (format) => {
    const run = check(format, paths[format]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(new RegExp(`^${format}: ok, [1-9]\\d* checked\\n$`));
  });

  it('webanno, expanded as JSON-LD by PyLD with the model context', () => {
    const run = check('webanno', paths.webanno, contextPath);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('webanno: ok, 9 checked\n');
  });
});

describe('provenance in each export (issue 15)', () => {
  const bidiMeta = {
    file_name: 'bidi.txt',
    outlet: 'سانا & "SANA" <agency>',
    published: '2020-10-05T17:35:00+03:00',
    url: 'https://example.org/sana?id=1&lang=ar',
    language: 'ar',
    external_id: 'sana-1',
    page: 4,
    tags: ['syria', 'karabakh'],
    note: 'line\u2028break',
  };

  it('Label Studio: the known values in data, the whole record in the task meta', () => {
    const task = JSON.parse(readFileSync(paths['label-studio'], 'utf8'))[2];
    expect(task.meta).toEqual(bidiMeta);
    expect(task.data).toMatchObject({ outlet: bidiMeta.outlet, published: bidiMeta.published, text: BIDI });
  });

  it('doccano: top-level keys, the extra key named like a doccano key under meta', () => {
    const line = lines('doccano')[2];
    const { note, ...top } = bidiMeta;
    expect(line).toMatchObject(top);
    expect(line).toHaveProperty('note', note);
    expect(lines('doccano')[0]).toMatchObject({ file_name: 'checkpoints.txt', outlet: null, language: 'en' });
  });

  it('spaCy: meta holds id, title, status and the provenance', () => {
    expect(lines('spacy')[2].meta).toMatchObject(bidiMeta);
  });

  it('CoNLL: one comment line of JSON after the doc id', () => {
    const conll = readFileSync(paths.conll, 'utf8');
    expect(conll).toContain(`\n# meta = ${JSON.stringify(bidiMeta)}\n`);
  });

  it('W3C: the text resource carries language, via, dcterms terms and the rest as spanlight terms', () => {
    const graph = JSON.parse(readFileSync(paths.webanno, 'utf8'))['@graph'];
    const texts = graph.filter((n: { type: string }) => n.type === 'Text');
    expect(texts[2]).toMatchObject({
      language: 'ar',
      via: bidiMeta.url,
      'dcterms:publisher': bidiMeta.outlet,
      'dcterms:issued': bidiMeta.published,
      'dcterms:identifier': 'sana-1',
      'spanlight:fileName': 'bidi.txt',
      'spanlight:extra': {
        '@type': '@json',
        '@value': { page: 4, tags: ['syria', 'karabakh'], note: 'line\u2028break' },
      },
    });
    expect(texts[3]).toMatchObject({ 'spanlight:url': 'example.org/emoji' });
    expect(texts[3]).not.toHaveProperty('via');
  });

  it('REFI-QDA: Variables declared once, a VariableValue per known value of each source', () => {
    const read = `import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('project.qde').decode())`;
    const qde = spawnSync(PYTHON, ['-c', read, paths.qdpx], { encoding: 'utf8' }).stdout;
    expect(qde.match(/<Variable /g)).toHaveLength(9);
    expect(qde).toContain('<TextValue>سانا &amp; &quot;SANA&quot; &lt;agency&gt;</TextValue>');
    expect(qde).toContain('<TextValue>[&quot;syria&quot;,&quot;karabakh&quot;]</TextValue>');
  });

  it('brat has no place for it (a comment must name an annotation) and writes none', () => {
    expect(annOf(BIDI)).not.toContain('سانا');
  });
});

describe('the findings of issue 13, each as its consumer met it', () => {
  it('brat: a span on line breaks is written without its edge breaks, one fragment a line, and the export says so', () => {
    const ann = annOf(CHECKPOINTS);
    const { start, end } = rangeOf(CHECKPOINTS, CLAIM);
    expect(ann).toContain(`\tclaim ${start} ${end - 1}\t\tCheckpoint B:\t7 vehicles\n`);
    const separator = annOf(SEPARATOR);
    expect(separator).toBe('T1\tclaim 6 10;11 17\tline second\n');
    expect(ann).toContain('\tAnnotatorNotes T2\tsaid twice by the same man\n');
    expect(ann).not.toContain('supports');
    expect([...summaries.brat.warnings!].sort()).toEqual([
      'brat: line breaks other than LF, CR and tab in notes and attribute values are written as spaces',
      'brat: spans of line breaks only cannot be written and are left out, with their links',
      'brat: spans that start or end on a line break are written without that line break',
    ]);
    expect(summaries.brat.warningCount).toBe(3);
  });

  it('Label Studio: every task has an id', () => {
    const tasks = JSON.parse(readFileSync(paths['label-studio'], 'utf8'));
    expect(tasks.map((t: { id: number }) => t.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('doccano: ASCII bytes that decode to the exact text', () => {
    const bytes = readFileSync(paths.doccano);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(lines('doccano').map((l) => l.text)).toEqual([CHECKPOINTS, REPEATED, BIDI, EMOJI, SEPARATOR]);
  });

  it('W3C: the quote of a repeated caption carries the context that makes it unique', () => {
    const graph = JSON.parse(readFileSync(paths.webanno, 'utf8'))['@graph'];
    const quotes = graph
      .filter((n: { motivation?: string }) => n.motivation === 'tagging')
      .map((n: { target: { selector: Array<{ type: string }> } }) =>
        n.target.selector.find((s) => s.type === 'TextQuoteSelector'),
      )
      .filter((q: { exact: string }) => q.exact === CAPTION);
    expect(quotes).toHaveLength(2);
    for (const { prefix, suffix } of quotes) {
      const whole = prefix + CAPTION + suffix;
      expect(REPEATED.indexOf(whole)).toBe(REPEATED.lastIndexOf(whole));
      // 32 code points a side (the least) match both places: the context grew past them.
      expect(Array.from(prefix).length).toBeGreaterThan(32);
    }
  });

  it('REFI-QDA: sources in sources/', () => {
    const zip = readFileSync(paths.qdpx).toString('latin1');
    expect(zip).toContain('sources/');
    expect(zip).not.toContain('Sources/');
  });

  it('spaCy and CoNLL: a number between bidi isolates is a token, and Doc(words, spaces) is the text', () => {
    const doc = lines('spacy')[2];
    expect(doc.text).toBe(BIDI);
    const number = doc.spans.find((s: { text: string }) => s.text === '120');
    expect(doc.tokens[number.token_start].text).toBe('120');
    expect(number.token_end).toBe(number.token_start);
    const checkpoints = lines('spacy')[0];
    const tokens = checkpoints.tokens.map((t: { text: string; ws: boolean }) => [t.text, t.ws]);
    expect(tokens.slice(0, 5)).toEqual([
      ['Checkpoints', true],
      ['today', false],
      ['\n\t', false],
      ['Checkpoint', true],
      ['B', false],
    ]);
    expect(readFileSync(paths.conll, 'utf8')).toMatch(/\n120\t13\t16\t\S+\t\S+\tB-number\n/);
  });
});
