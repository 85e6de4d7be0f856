/**
 * The state container the slices share: the one state object, its listeners, and calls to the contract.
 * The state changes only through `set`, with what main answered or what a named action previews.
 */
import type { Channel, RequestOf, ResponseOf, SpanlightApi } from '@shared/contract';
import type { AppState } from './store';
import { errorNotice } from './slices/ui';

export interface StoreCore {
  readonly api: SpanlightApi;
  getState(): AppState;
  subscribe(listener: () => void): () => void;
  /** Slices and feature modules (state/actions/*) change the state through here; components never do. */
  set(patch: Partial<AppState>): void;
  /** Calls a channel; a failure becomes a visible notice and `undefined`. */
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C> | undefined>;
}

export function createStoreCore(api: SpanlightApi, initialState: AppState): StoreCore {
  let state = initialState;
  const listeners = new Set<() => void>();
  const core: StoreCore = {
    api,
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (patch) => {
      state = { ...state, ...patch };
      for (const listener of listeners) listener();
    },
    call: async (channel, request) => {
      const result = await api[channel](request);
      if (result.ok) return result.value;
      core.set({ notice: errorNotice(result.error) });
      return undefined;
    },
  };
  return core;
}
