/** The Agreement view (issue 12): the figures for the chosen annotators, labels and statuses, computed in core. */
import type { AgreementFigures } from '@shared/comparison';
import type { RequestOf } from '@shared/contract';
import type { StoreCore } from '../storeCore';

export type AgreementOptions = RequestOf<'agreement:report'>;

export interface AgreementState {
  agreement: {
    /** What the figures shown were computed for. */
    options: AgreementOptions;
    figures: AgreementFigures | null;
    computing: boolean;
  };
}

export const initialAgreementState: AgreementState = {
  agreement: { options: {}, figures: null, computing: false },
};

export function agreementActions(store: StoreCore) {
  return {
    async computeAgreement(options: AgreementOptions): Promise<void> {
      store.set({ agreement: { ...store.getState().agreement, options, computing: true } });
      const figures = await store.call('agreement:report', options);
      store.set({ agreement: { options, figures: figures ?? null, computing: false } });
    },
  };
}

export type AgreementActions = ReturnType<typeof agreementActions>;
