/**
 * The handlers of the channels for several annotators (issue 12): the comparison of layers, settling
 * disagreements into a curated layer, and the agreement figures, all from src/core/agreement.
 */
import type { AgreementFigures } from '@shared/comparison';
import { compareDocument, projectDisagreements } from '../agreement/projectComparison';
import { projectAgreement } from '../agreement/projectAgreement';
import type { AppSession } from '../session/session';
import type { Handlers } from './handlers';

type ComparisonChannel =
  | 'compare:document'
  | 'compare:documents'
  | 'adjudicate:accept'
  | 'adjudicate:relabel'
  | 'adjudicate:set-extent'
  | 'adjudicate:reject'
  | 'adjudicate:accept-agreed'
  | 'agreement:report';

export function comparisonHandlers(session: AppSession): Pick<Handlers, ComparisonChannel> {
  const project = () => session.requireProject();
  return {
    'compare:document': ({ documentId, annotators, into }) =>
      compareDocument(project(), documentId, annotators, into),
    'compare:documents': ({ annotators, into }) => projectDisagreements(project(), annotators, into),
    'adjudicate:accept': ({ id, into }) => project().adjudicationService.accept(id, into),
    'adjudicate:relabel': ({ id, labelId, into }) => project().adjudicationService.relabel(id, labelId, into),
    'adjudicate:set-extent': ({ id, start, end, into }) =>
      project().adjudicationService.setExtent(id, start, end, into),
    'adjudicate:reject': ({ documentId, spans, into }) =>
      project().adjudicationService.reject(documentId, spans, into),
    'adjudicate:accept-agreed': ({ annotators, rule, into }) =>
      project().adjudicationService.acceptAgreed(annotators, rule, into),
    'agreement:report': (options): AgreementFigures => projectAgreement(project(), options),
  };
}
