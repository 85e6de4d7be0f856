/**
 * The data the suites run on, generated from a seed and built with the app's own domain code: the import
 * corpus (10,000 articles of about 4 KB as .txt files), the project holding it with 200,000 spans, and the
 * editor's 1 MB article with 10,000 annotations.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '@shared/model';
import { Importer, emptyReport } from '../../src/core/import/importer';
import { sourceFromBytes, sourcesFromPaths } from '../../src/core/import/sources';
import { Project } from '../../src/core/project/project';
import { article, generateSpans, pickLanguage, wordsOf, type GeneratedSpan } from './lib/corpus.mts';
import { cached, scaled, type BenchContext } from './lib/context.mts';
import { Random } from './lib/random.mts';

export const ARTICLE_COUNT = 10_000;
export const SPANS_PER_ARTICLE = 20;
export const EDITOR_ARTICLE_BYTES = 1024 * 1024;
export const EDITOR_SPANS = 10_000;
const FILES_PER_FOLDER = 1000;

export interface ArticleFile {
  /** How the importer names it: the folder imported, then the path inside it. */
  name: string;
  path: string;
  text: string;
}

export interface ArticleCorpus {
  dir: string;
  files: ArticleFile[];
  bytes: number;
}

/** The import corpus as .txt files, in folders of 1,000 as a researcher's download would be. */
export function articleCorpus(ctx: BenchContext): Promise<ArticleCorpus> {
  return cached(ctx, 'articles', () => {
    const random = new Random(ctx.seed);
    const dir = join(ctx.work, 'articles');
    const count = scaled(ctx, ARTICLE_COUNT, 50);
    const files: ArticleFile[] = [];
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const folder = `batch-${String(Math.floor(i / FILES_PER_FOLDER)).padStart(2, '0')}`;
      const fileName = `${String(i).padStart(5, '0')}.txt`;
      if (i % FILES_PER_FOLDER === 0) mkdirSync(join(dir, folder), { recursive: true });
      const text = article(random, random.int(3000, 5000), pickLanguage(random));
      const path = join(dir, folder, fileName);
      writeFileSync(path, text);
      bytes += Buffer.byteLength(text);
      files.push({ name: join('articles', folder, fileName), path, text });
    }
    return { dir, files, bytes };
  });
}

/** The name recorded on annotations; set before the app opens a project, so it does not ask for one. */
const ANNOTATOR = 'bench';

/** Creates a project with its annotator set. */
export function createProject(path: string): Project {
  const project = Project.create(path);
  project.setAnnotator(ANNOTATOR);
  return project;
}

/** Registers the project an import suite built, so later suites use it instead of building their own. */
export function rememberCorpusProject(ctx: BenchContext, path: string): void {
  ctx.cache.set('corpus-project', path);
}

/** A project holding the corpus; built here (one transaction, fast) when the import suite did not run. */
export async function corpusProject(ctx: BenchContext): Promise<string> {
  const corpus = await articleCorpus(ctx);
  return cached(ctx, 'corpus-project', () => {
    const path = join(ctx.work, 'corpus-built.spanlight');
    const project = createProject(path);
    try {
      project.transaction(() => new Importer(project).importAll(sourcesFromPaths([corpus.dir]).sources));
    } finally {
      project.close();
    }
    return path;
  });
}

function annotation(random: Random, documentId: string, span: GeneratedSpan, at: string): Annotation {
  // A few notes, some with the commas, quotes and line breaks CSV has to quote.
  const note = random.chance(0.05)
    ? random.pick(['check source', 'quoted, "verbatim"', 'two sources\nsee thread', 'رقم تقريبي'])
    : '';
  return {
    id: random.uuid(),
    documentId,
    labelId: span.label,
    start: span.start,
    end: span.end,
    note,
    attributes: {},
    annotator: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** The corpus project with 20 spans on every document (200,000 at full size), added once. */
export async function corpusProjectWithSpans(
  ctx: BenchContext,
): Promise<{ path: string; documents: number; spans: number }> {
  const path = await corpusProject(ctx);
  return cached(ctx, 'corpus-spans', () => {
    const random = new Random(ctx.seed + 1);
    const project = Project.open(path);
    let spans = 0;
    let documents = 0;
    try {
      if (project.annotator === null) project.setAnnotator(ANNOTATOR);
      const at = new Date().toISOString();
      // Written as an import writes a dataset's spans (each with its change-log row), in one transaction.
      project.transaction(() => {
        for (let after = 0; ;) {
          const page = project.documents.page(after, 500);
          if (page.length === 0) break;
          for (const document of page) {
            for (const span of generateSpans(random, document.text, SPANS_PER_ARTICLE)) {
              project.importService.addAnnotation(annotation(random, document.id, span, at));
              spans++;
            }
            documents++;
          }
          after = page[page.length - 1]!.rowid;
        }
      });
    } finally {
      project.close();
    }
    return { path, documents, spans };
  });
}

export interface EditorArticle {
  path: string;
  text: string;
  lines: string[];
  documentId: string;
  spans: Array<GeneratedSpan & { id: string }>;
}

/** A project holding one 1 MB article (English and Arabic paragraphs) with 10,000 annotations. */
export function editorProject(ctx: BenchContext): Promise<EditorArticle> {
  return cached(ctx, 'editor-project', () => {
    const random = new Random(ctx.seed + 2);
    const text = article(random, scaled(ctx, EDITOR_ARTICLE_BYTES, 20_000), 'mixed');
    const generated = generateSpans(random, text, scaled(ctx, EDITOR_SPANS, 200), wordsOf(text));
    const path = join(ctx.work, 'editor.spanlight');
    const project = createProject(path);
    try {
      const report = new Importer(project).importAll(
        [sourceFromBytes('long-article.txt', Buffer.from(text))],
        emptyReport(),
      );
      const documentId = report.imported[0]?.documentId;
      if (!documentId) throw new Error(`the editor article did not import: ${JSON.stringify(report)}`);
      const at = new Date().toISOString();
      const spans = generated.map((span) => ({ ...span, id: '' }));
      project.transaction(() => {
        for (const span of spans) {
          const stored = annotation(random, documentId, span, at);
          span.id = stored.id;
          project.importService.addAnnotation(stored);
        }
      });
      return { path, text, lines: text.split('\n'), documentId, spans };
    } finally {
      project.close();
    }
  });
}
