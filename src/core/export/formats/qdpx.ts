/**
 * REFI-QDA project exchange (https://www.qdasoftware.org, QDA-XML project 1.0 / REFI-QDA 1.5), the format
 * QualCoder, MAXQDA, ATLAS.ti and NVivo exchange projects in: a .qdpx zip holding `project.qde` (XML) and
 * each document's text as `sources/<guid>.txt` (UTF-8, exactly the stored text; the standard names the folder
 * `sources`, in lower case, and a strict reader looks nowhere else).
 *
 * The subset written: `Users` (the annotators), `CodeBook` (one codable `Code` per label, with its colour),
 * `Sources` (a `TextSource` per document, `plainTextPath="internal://<guid>.txt"`, holding a
 * `PlainTextSelection` per span with its `Coding` of the label's code and the note as its `Description`), and
 * `Links` (one per link between two spans' selections, `name` = the link type, direction OneWay). A document's
 * provenance is a `VariableValue` of its `TextSource` for each key that has a value, every key declared once
 * in `Variables` as a Text variable (file_name, outlet, published, url, language, external_id, then the extra
 * keys found in the first pass; an extra value that is not a string is written as JSON). Span attributes and
 * document status have no place in it and are left out; the selection's `name` is the first 60 characters
 * of its text. A source's `name` is the document's title, made a file name (fileNames.ts).
 * Positions are code points (as QualCoder, a Python program, counts them). GUIDs are derived from Spanlight's
 * ids, so exporting twice gives the same GUIDs.
 *
 * The zip is written in three passes over the documents (the sources, then project.qde's Sources, then its
 * Links, which the XML puts after every source), so neither the texts nor the XML are ever all in memory.
 */
import { createHash } from 'node:crypto';
import { META_FIELDS, META_KEYS } from '@shared/documentMeta';
import type { DocumentMeta } from '@shared/model';
import { timesOf } from '../dataset';
import { FileNameAllocator, NOT_TITLE_CHARACTERS } from '../fileNames';
import type { ExportFormatModule } from './format';
import { knownProvenance } from './provenance';

export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** A GUID (8-4-4-4-12 hex) derived from a kind and an id: stable across exports. */
export function guidOf(kind: string, id: string): string {
  const h = createHash('sha1').update(`spanlight:${kind}:${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** XML 1.0 cannot hold most C0 controls even escaped; they are written as U+FFFD in names and descriptions. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- matching the C0 controls is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
      .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
      // Character references survive attribute-value normalisation, which turns a literal line break or tab into a space.
      .replace(/[\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`)
  );
}

const dateTime = (iso: string) => iso.replace(/\.\d+Z$/, 'Z');

/** A source's provenance: a VariableValue (after its selections, as the schema orders them) a known value. */
function variableValues(meta: DocumentMeta): string {
  const pairs: Array<[string, string]> = [...knownProvenance(meta)];
  for (const [key, value] of Object.entries(meta.extra))
    if (value !== null) pairs.push([key, typeof value === 'string' ? value : JSON.stringify(value)]);
  return pairs
    .map(
      ([name, value]) =>
        `<VariableValue><VariableRef targetGUID="${guidOf('variable', name)}"/><TextValue>${xmlText(value)}</TextValue></VariableValue>\n`,
    )
    .join('');
}

export const qdpx: ExportFormatModule = {
  passes: 3,
  spanTimes: true,
  async write(run, out) {
    const { context } = run;
    const variables = new Set<string>([META_KEYS.fileName, ...META_FIELDS.map((field) => META_KEYS[field])]);
    for await (const { document } of run.documents()) {
      const file = out.open(`sources/${guidOf('document', document.id)}.txt`);
      await file.write(document.text);
      await file.close();
      for (const key of Object.keys(document.meta.extra)) variables.add(key);
    }
    const qde = out.open('project.qde');
    const userGuid = (name: string | null) => guidOf('user', name ?? '');
    const users = context.annotators
      .map((name) => `<User guid="${userGuid(name)}" name="${xmlText(name)}"/>`)
      .join('');
    const codes = context.labels
      .map(
        (l) =>
          `<Code guid="${guidOf('label', l.id)}" name="${xmlText(l.name)}" isCodable="true" color="${l.color}"/>`,
      )
      .join('');
    const labelIds = new Map(context.labels.map((l) => [l.name, l.id]));
    await qde.write(
      `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="${QDE_NAMESPACE}" name="${xmlText(context.projectName)}" origin="Spanlight" creationDateTime="${dateTime(context.exportedAt)}">\n` +
        (users ? `<Users>${users}</Users>\n` : '') +
        (codes ? `<CodeBook><Codes>${codes}</Codes></CodeBook>\n` : '') +
        `<Variables>${[...variables].map((name) => `<Variable guid="${guidOf('variable', name)}" name="${xmlText(name)}" typeOfVariable="Text"/>`).join('')}</Variables>\n` +
        '<Sources>\n',
    );
    // QualCoder saves each source as a file named by the source's name ("File name too long" on a
    // 266-character title): names fit a file name, with a `.txt` after them, and are unique once cut.
    const sourceNames = new FileNameAllocator(['.txt'], NOT_TITLE_CHARACTERS);
    for await (const { document, spans } of run.documents()) {
      const guid = guidOf('document', document.id);
      const selections = spans
        .map((s) => {
          const user = s.annotator !== null ? ` creatingUser="${userGuid(s.annotator)}"` : '';
          const description = s.note ? `<Description>${xmlText(s.note)}</Description>` : '';
          return (
            `<PlainTextSelection guid="${guidOf('span', s.id)}" name="${xmlText(Array.from(s.text).slice(0, 60).join(''))}" startPosition="${s.start}" endPosition="${s.end}"${user} creationDateTime="${dateTime(timesOf(s).createdAt)}">` +
            `${description}<Coding guid="${guidOf('coding', s.id)}"${user}><CodeRef targetGUID="${guidOf('label', labelIds.get(s.label) ?? s.label)}"/></Coding></PlainTextSelection>`
          );
        })
        .join('\n');
      const values = variableValues(document.meta);
      await qde.write(
        `<TextSource guid="${guid}" name="${xmlText(sourceNames.allocate(document.title))}" plainTextPath="internal://${guid}.txt">\n${selections}${selections ? '\n' : ''}${values}</TextSource>\n`,
      );
    }
    await qde.write('</Sources>\n');
    let linksOpen = false;
    for await (const { relations } of run.documents()) {
      if (relations.length === 0) continue;
      const links = relations.map(
        (r) =>
          `<Link guid="${guidOf('link', r.id)}" name="${xmlText(r.type)}" direction="OneWay" originGUID="${guidOf('span', r.from)}" targetGUID="${guidOf('span', r.to)}"/>\n`,
      );
      await qde.write((linksOpen ? '' : '<Links>\n') + links.join(''));
      linksOpen = true;
    }
    await qde.write((linksOpen ? '</Links>\n' : '') + '</Project>\n');
    await qde.close();
  },
};
