/** `spanlight adjudicate`: copies the spans the chosen annotators agree on into a curated layer. */
import { parseArgs } from 'node:util';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { ADJUDICATION_RULES, type AdjudicationRule } from '@shared/comparison';
import { openProject } from './openProject';
import { BACKUP_DIR_OPTION, listOption, noteTo, UsageError, type CliIo } from './options';

const RULES: readonly AdjudicationRule[] = ADJUDICATION_RULES;

export function adjudicateCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...BACKUP_DIR_OPTION,
      annotators: { type: 'string' },
      rule: { type: 'string' },
      into: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('adjudicate needs exactly one project');
  const annotators = listOption(values.annotators, 'annotators');
  if (!annotators || annotators.length < 2) throw new UsageError('--annotators needs at least two names');
  const rule = (values.rule ?? 'majority') as AdjudicationRule;
  if (!RULES.includes(rule)) throw new UsageError(`--rule must be one of ${RULES.join(', ')}`);
  const into = values.into?.trim() || 'curated';
  if (annotators.includes(into))
    throw new UsageError(`--into ${into} is one of the annotators being compared`);
  const project = openProject(positionals[0]!, values['backup-dir'], noteTo(io));
  try {
    const known = new Set(project.annotations.annotators());
    const unknown = annotators.find((name) => !known.has(name));
    if (unknown !== undefined)
      throw new AppError(
        'invalid_input',
        errorMessage('unknown.annotator', { annotator: JSON.stringify(unknown) }),
      );
    const report = project.adjudicationService.acceptAgreed(annotators, rule, into);
    for (const document of report.unsettled)
      io.out(`to settle  "${document.title}": ${document.count} span${document.count === 1 ? '' : 's'}`);
    const left = report.unsettled.reduce((n, d) => n + d.count, 0);
    io.out(`${report.accepted} spans accepted into ${into} (${rule}), ${left} left to settle by hand`);
    return 0;
  } finally {
    project.close();
  }
}
