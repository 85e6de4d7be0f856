/**
 * The handlers of the suggestion channels (`suggestions:*`): what the rules offer in a document, accepting
 * and rejecting it, and the per-label switches. Accept and reject name a suggestion by id only; the service
 * finds it again among those offered now, so the renderer can never add a span the rules do not offer.
 */
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { AppSession } from '../session/session';
import type { Handlers } from './handlers';

type SuggestionChannel = Extract<keyof Handlers, `suggestions:${string}`>;

export function suggestionHandlers(session: AppSession): Pick<Handlers, SuggestionChannel> {
  const suggestions = () => session.requireProject().suggestionService;
  return {
    'suggestions:list': ({ documentId }) => suggestions().forDocument(documentId),
    'suggestions:accept': ({ documentId, id }) => suggestions().accept(documentId, id),
    'suggestions:reject': ({ documentId, id }) => {
      suggestions().rejectOffered(documentId, id);
      return null;
    },
    'suggestions:accept-all': ({ documentId, labelId }) => {
      const delta = suggestions().acceptAll(documentId, { labels: new Set([labelId]) });
      if (!delta) throw new AppError('not_found', errorMessage('suggest.noneOfLabel'));
      return delta;
    },
    'suggestions:switched-off': () => suggestions().switchedOff(),
    'suggestions:set-rule': ({ labelId, rule, enabled }) => {
      suggestions().setEnabled(labelId, rule, enabled);
      return suggestions().switchedOff();
    },
  };
}
