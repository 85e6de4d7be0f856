/**
 * A document's provenance (model.ts DocumentMeta): the rules every way in shares. The document panel's edits
 * (`documents:set-meta`) and every import check the same schema, so no file can store a date the list then
 * sorts wrong or a value the panel then refuses to save.
 */
import { z } from 'zod';
import type { DocumentMetaFields, MetaValue } from './model';

export const META_LIMITS = {
  outlet: 300,
  url: 2048,
  externalId: 200,
  /** Keys of `extra`, and the length of one key. */
  extraKeys: 100,
  extraKeyLength: 100,
  /** One extra value, as JSON. */
  extraValueLength: 20_000,
} as const;

/** The fields of DocumentMeta the user edits, in the order the panel and the exports list them. */
export const META_FIELDS = ['outlet', 'published', 'url', 'language', 'externalId'] as const;
export type MetaField = (typeof META_FIELDS)[number];

/** The names imports and exports use for the fields (snake case, as in the issue and the database). */
export const META_KEYS: Record<MetaField | 'fileName', string> = {
  fileName: 'file_name',
  outlet: 'outlet',
  published: 'published',
  url: 'url',
  language: 'language',
  externalId: 'external_id',
};

const KNOWN_KEYS: readonly string[] = Object.values(META_KEYS);

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** Whether `value` is an ISO 8601 calendar date, optionally with a time and an offset, that exists. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Day 0 of the next month is the last day of this one, in the proleptic Gregorian calendar Date uses.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return false;
  const [hour, minute, second] = [match[4], match[5], match[6]].map((part) => Number(part ?? 0));
  if (hour! > 23 || minute! > 59 || second! > 59) return false;
  const [offsetHour, offsetMinute] = [Number(match[8] ?? 0), Number(match[9] ?? 0)];
  return offsetHour <= 14 && offsetMinute <= 59;
}

/** A BCP 47 language tag in its common shape: a 2-3 letter language, then subtags (ar, en-GB, zh-Hant-TW). */
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/;

/** An optional text field: trimmed; empty is absent (null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .nullable()
    .transform((value) => (value ? value : null));

const metaValue: z.ZodType<MetaValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(metaValue),
    z.record(z.string(), metaValue),
  ]),
);

export const metaFieldsSchema = z.strictObject({
  outlet: optionalText(META_LIMITS.outlet),
  published: optionalText(40).refine(
    (value) => value === null || isIsoDate(value),
    'an ISO 8601 date like 2024-03-07, optionally with a time like 2024-03-07T10:15:00Z',
  ),
  url: optionalText(META_LIMITS.url),
  language: optionalText(35).refine(
    (value) => value === null || LANGUAGE_TAG.test(value),
    'a BCP 47 language tag like ar or en',
  ),
  externalId: optionalText(META_LIMITS.externalId),
  extra: z
    .record(z.string().min(1).max(META_LIMITS.extraKeyLength), metaValue)
    // A known key there would be written twice, with two values, by every export.
    .refine(
      (extra) => !Object.keys(extra).some((key) => KNOWN_KEYS.includes(key)),
      'a key of its own field (file_name, outlet, published, url, language, external_id)',
    )
    .refine(
      (extra) => Object.keys(extra).length <= META_LIMITS.extraKeys,
      `at most ${META_LIMITS.extraKeys} keys`,
    )
    .refine(
      (extra) => Object.values(extra).every((v) => JSON.stringify(v).length <= META_LIMITS.extraValueLength),
      `each value at most ${META_LIMITS.extraValueLength} characters of JSON`,
    ),
}) satisfies z.ZodType<DocumentMetaFields, unknown>;

/** No provenance known: what a document imported as plain text starts from (before its language is found). */
export function emptyMetaFields(): DocumentMetaFields {
  return { outlet: null, published: null, url: null, language: null, externalId: null, extra: {} };
}

/** The first problem of `fields` as `field: why`, or null when the app would store them. */
export function metaProblem(fields: unknown): string | null {
  const result = metaFieldsSchema.safeParse(fields);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const [field, ...rest] = issue.path;
  const name =
    typeof field === 'string' && field in META_KEYS ? META_KEYS[field as MetaField] : String(field);
  return `${[name, ...rest].join('.')}: ${issue.message}`;
}
