/**
 * `spanlight suggest`: the suggestions of every document (or some), written as canonical JSONL without
 * touching the project, or with --accept added as annotations of --as <annotator>, each remembering its origin.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { sliceCodePoints } from '@shared/offsets';
import { JSONL_SCHEMA } from '../core/export/formats/jsonl';
import { openProject } from './openProject';
import { BACKUP_DIR_OPTION, listOption, noteTo, UsageError, type CliIo } from './options';

export async function suggestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...BACKUP_DIR_OPTION,
      labels: { type: 'string' },
      documents: { type: 'string' },
      out: { type: 'string' },
      accept: { type: 'boolean' },
      as: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('suggest needs exactly one project');
  if (values.accept && !values.as?.trim()) throw new UsageError('--accept needs --as <annotator>');
  if (!values.accept && !values.out)
    throw new UsageError('--out <file.jsonl> is required (or --accept --as <name>)');
  const project = openProject(positionals[0]!, values['backup-dir'], noteTo(io));
  try {
    const labelsByName = new Map(project.labels.list().map((label) => [label.name, label]));
    const labelNames = listOption(values.labels, 'labels');
    const unknown = labelNames?.find((name) => !labelsByName.has(name));
    if (unknown !== undefined)
      throw new AppError('invalid_input', errorMessage('unknown.label', { label: JSON.stringify(unknown) }));
    const onlyLabels = labelNames ? new Set(labelNames.map((name) => labelsByName.get(name)!.id)) : undefined;
    const wanted = listOption(values.documents, 'documents');
    const documents = project.documents.list().filter((d) => !wanted || wanted.includes(d.id));
    const missing = wanted?.find((id) => !documents.some((d) => d.id === id));
    if (missing !== undefined)
      throw new AppError('not_found', errorMessage('notFound.document', { id: missing }));

    const service = project.suggestionService;
    const labelName = new Map(project.labels.list().map((label) => [label.id, label.name]));
    if (values.accept) {
      const annotator = values.as!.trim();
      let accepted = 0;
      for (const document of documents)
        accepted += service.acceptAll(document.id, { labels: onlyLabels, annotator })?.upserted.length ?? 0;
      io.out(`${accepted} suggestions accepted as ${annotator} in ${documents.length} documents`);
      return 0;
    }

    const out = createWriteStream(values.out!);
    let count = 0;
    for (const summary of documents) {
      const document = project.documents.get(summary.id)!;
      const spans = service.forDocument(summary.id, { labels: onlyLabels, annotator: null }).map((s) => ({
        start: s.start,
        end: s.end,
        label: labelName.get(s.labelId)!,
        text: sliceCodePoints(document.text, s.start, s.end),
        attributes: s.attributes,
        origin: 'suggestion',
        rule: s.rule,
        reason: s.reason,
      }));
      count += spans.length;
      const line = {
        schema: JSONL_SCHEMA,
        id: document.id,
        title: document.title,
        text: document.text,
        spans,
      };
      if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    io.out(`${count} suggestions in ${documents.length} documents written to ${values.out}`);
    return 0;
  } finally {
    project.close();
  }
}
