import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { META_FIELDS, metaFieldsSchema, type MetaField } from '@shared/documentMeta';
import type { DocumentMeta, DocumentMetaFields } from '@shared/model';
import { useAppState, useAppStore } from '../state/useStore';
import { VisibleText } from './VisibleText';
import '../styles/provenance.css';

type Draft = Record<MetaField, string>;

/** Left-to-right examples in a sentence of either direction: isolated, so Arabic text does not reorder them. */
const isolate = (example: string) => `\u2066${example}\u2069`;
const EXAMPLES = {
  date: isolate('2020-10-05'),
  dateTime: isolate('2020-10-05T17:35'),
  ar: isolate('ar'),
  en: isolate('en'),
};

const draftOf = (meta: DocumentMeta): Draft =>
  Object.fromEntries(META_FIELDS.map((field) => [field, meta[field] ?? ''])) as Draft;

/** The panel's strings for each field: its label key and, where the form needs one, its hint key. */
const HINTS: Partial<Record<MetaField, string>> = {
  published: 'panel.publishedHint',
  language: 'panel.languageHint',
};

/** Why a field cannot be saved, in the interface's language (the schema's own words are English). */
function problemKey(field: MetaField, code: string): string {
  if (code === 'too_big') return 'invalid.tooLong';
  if (field === 'published' || field === 'language') return `invalid.${field}`;
  return 'invalid.other';
}

/**
 * Where the open document came from: its file (kept from the import) and the provenance the user edits. Saved
 * as one change (documents:set-meta), which the save indicator names and Ctrl+Z undoes; what the server then
 * holds (an undo included) replaces the form.
 */
export function DocumentDetails() {
  const { t } = useTranslation('provenance');
  const store = useAppStore();
  const meta = useAppState((s) => s.open?.meta ?? null);
  const [draft, setDraft] = useState<Draft | null>(meta && draftOf(meta));
  const [problems, setProblems] = useState<Partial<Record<MetaField, string>>>({});
  useEffect(() => {
    setDraft(meta && draftOf(meta));
    setProblems({});
  }, [meta]);
  if (!meta || !draft) return null;

  const changed = META_FIELDS.some((field) => draft[field] !== (meta[field] ?? ''));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: DocumentMetaFields = { ...draftFields(draft), extra: meta.extra };
    const checked = metaFieldsSchema.safeParse(fields);
    if (!checked.success) {
      const found: Partial<Record<MetaField, string>> = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0] as MetaField;
        found[field] ??= t(problemKey(field, issue.code), EXAMPLES);
      }
      setProblems(found);
      return;
    }
    setProblems({});
    void store.setMeta(checked.data);
  };
  const extra = Object.entries(meta.extra);

  return (
    <details className="document-details" data-testid="document-details">
      <summary>{t('panel.title')}</summary>
      <form onSubmit={submit} noValidate>
        <div className="document-details-file">
          <span className="muted">{t('panel.fileName')}</span>{' '}
          <span dir="auto" data-testid="document-file-name">
            <VisibleText text={meta.fileName} />
          </span>
        </div>
        {META_FIELDS.map((field) => {
          const id = `document-meta-${field}`;
          const hint = HINTS[field];
          return (
            <div className="document-details-field" key={field}>
              <label htmlFor={id}>{t(`panel.${field}`)}</label>
              <input
                id={id}
                dir="auto"
                value={draft[field]}
                aria-invalid={problems[field] ? true : undefined}
                aria-describedby={problems[field] ? `${id}-problem` : hint ? `${id}-hint` : undefined}
                onChange={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
              />
              {problems[field] ? (
                <span id={`${id}-problem`} className="field-problem" role="alert">
                  {problems[field]}
                </span>
              ) : (
                hint && (
                  <span id={`${id}-hint`} className="muted field-hint">
                    {t(hint, EXAMPLES)}
                  </span>
                )
              )}
            </div>
          );
        })}
        {extra.length > 0 && (
          <dl className="document-details-extra" aria-label={t('panel.extra')}>
            {extra.map(([key, value]) => (
              <div key={key}>
                <dt dir="auto">{key}</dt>
                <dd dir="auto">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        )}
        <div className="row">
          <button type="submit" disabled={!changed}>
            {t('panel.save')}
          </button>
          <button type="button" disabled={!changed} onClick={() => setDraft(draftOf(meta))}>
            {t('panel.reset')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** The typed fields, empty ones absent (the schema trims and turns "" into null too). */
function draftFields(draft: Draft): Omit<DocumentMetaFields, 'extra'> {
  return Object.fromEntries(
    META_FIELDS.map((field) => [field, draft[field].trim() === '' ? null : draft[field]]),
  ) as Omit<DocumentMetaFields, 'extra'>;
}
