/**
 * Search across the project: full text over documents (FTS5 over folded text, see searchFold.ts) and a query
 * over annotations (by label, by their text, by a numeric attribute range).
 */
import type { AnnotationSearchHit, DocumentSearchHit } from '@shared/model';
import { foldForSearch, foldWithOrigins } from '@shared/searchFold';
import type { Db } from '../db/connection';
import type { AnnotationRepository } from './annotations';

export type DocumentHit = DocumentSearchHit;
type AnnotationHit = AnnotationSearchHit;

export interface AnnotationQuery {
  labelId?: string;
  text?: string;
  attribute?: string;
  min?: number;
  max?: number;
  limit: number;
}

const CONTEXT = 60;

/** What unicode61 keeps in a token (its default categories L*, N*, Co). */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;
const ENDS_IN_TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]$/u;

/**
 * The folded words of a query. A "word" with no letter or digit (a lone variation selector or combining mark
 * left over from an emoji) is no token to the unicode61 tokenizer, so it is dropped.
 */
function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[\s\p{P}\p{C}\p{S}]+/u)
    .filter((word) => TOKEN_CHAR.test(word));
}

/** An FTS5 query that matches every word of `query` (as a prefix), with user text always quoted. */
export function ftsQuery(query: string): string | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

/** The first place `word` begins a token of `folded`, as FTS5 matched it; else anywhere; else -1. */
function tokenStart(folded: string, word: string): number {
  for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
    if (!ENDS_IN_TOKEN_CHAR.test(folded.slice(Math.max(0, at - 2), at))) return at;
  }
  return folded.indexOf(word);
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** A context slice starts after, and ends before, a character it would otherwise cut in half (an emoji). */
function wholeFrom(text: string, u16: number): number {
  return u16 > 0 && isLowSurrogate(text.charCodeAt(u16)) ? u16 + 1 : u16;
}

function wholeTo(text: string, u16: number): number {
  return u16 < text.length && isLowSurrogate(text.charCodeAt(u16)) ? u16 - 1 : u16;
}

function codePoints(text: string, u16: number): number {
  return Array.from(text.slice(0, u16)).length;
}

/** Where the query occurs in the original text (as a phrase if it can, else its first word), with context. */
function locate(text: string, query: string): Omit<DocumentHit, 'documentId' | 'title'> {
  const words = queryWords(query);
  const { folded, origin } = foldWithOrigins(text);
  // The phrase starts where a token starts, as FTS5 matched it (not inside a longer word).
  const phrase = new RegExp(
    '(?<![\\p{L}\\p{N}\\p{Co}])' +
      words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\p{P}]+'),
    'u',
  ).exec(folded);
  const firstWord = words[0] ?? '';
  const at = phrase ? phrase.index : tokenStart(folded, firstWord);
  const length = phrase ? phrase[0].length : firstWord.length;
  const from = at < 0 ? 0 : origin[at]!;
  const lastUnit = at < 0 ? 0 : origin[at + length - 1]!;
  // The hit ends after the original character the last folded unit came from (and any marks after it).
  let to = at < 0 ? 0 : lastUnit + (text.codePointAt(lastUnit)! > 0xffff ? 2 : 1);
  while (to < text.length && /\p{M}|\u0640/u.test(text[to]!)) to++;
  return {
    start: codePoints(text, from),
    end: codePoints(text, to),
    before: text.slice(wholeFrom(text, Math.max(0, from - CONTEXT)), from),
    match: text.slice(from, to),
    after: text.slice(to, wholeTo(text, to + CONTEXT)),
  };
}

export class SearchRepository {
  private readonly documentsStmt;
  private readonly annotationsStmt;

  constructor(
    db: Db,
    private readonly annotations: AnnotationRepository,
  ) {
    this.documentsStmt = db.prepare<[string, number], { id: string; title: string; text: string }>(
      `SELECT d.id, d.title, d.text FROM documents_search s JOIN documents d ON d.rowid = s.rowid
       WHERE documents_search MATCH ? ORDER BY s.rank LIMIT ?`,
    );
    this.annotationsStmt = db.prepare<
      Record<string, unknown>,
      { id: string; title: string; span_text: string }
    >(
      `SELECT a.id, d.title, substr(d.text, a.start + 1, a."end" - a.start) AS span_text
       FROM annotations a JOIN documents d ON d.id = a.document_id
       WHERE (@labelId IS NULL OR a.label_id = @labelId)
         AND (@text IS NULL OR instr(spanlight_fold(substr(d.text, a.start + 1, a."end" - a.start)), @text) > 0)
         AND (@path IS NULL OR json_extract(a.attributes, @path) IS NOT NULL)
         AND ((@min IS NULL AND @max IS NULL) OR json_type(a.attributes, @path) IN ('integer', 'real'))
         AND (@min IS NULL OR json_extract(a.attributes, @path) >= @min)
         AND (@max IS NULL OR json_extract(a.attributes, @path) <= @max)
       ORDER BY d.rowid, a.start, a."end" LIMIT @limit`,
    );
  }

  documents(query: string, limit: number): DocumentHit[] {
    const match = ftsQuery(query);
    if (!match) return [];
    return this.documentsStmt
      .all(match, limit)
      .map((row) => ({ documentId: row.id, title: row.title, ...locate(row.text, query) }));
  }

  annotationHits(query: AnnotationQuery): AnnotationHit[] {
    const text = query.text ? foldForSearch(query.text.trim()) : '';
    const rows = this.annotationsStmt.all({
      labelId: query.labelId ?? null,
      text: text || null,
      // Attribute names are identifiers (checked by the contract); the JSON path is still a bound parameter.
      path: query.attribute ? `$.${query.attribute}` : null,
      min: query.min ?? null,
      max: query.max ?? null,
      limit: query.limit,
    });
    return rows.map((row) => ({
      annotation: this.annotations.get(row.id)!,
      documentTitle: row.title,
      text: row.span_text,
    }));
  }
}
