/**
 * A SpanlightApi for the store's unit tests. Every call waits until the test answers it, so a test decides
 * the order in which answers arrive (a late answer, two answers swapped, a failure while another change is
 * in flight); channels a test does not care about can be answered at once with `answerAlways`.
 */
import type { Channel, RequestOf, ResponseOf, SpanlightApi } from '@shared/contract';
import type { Result } from '@shared/errors';

export interface PendingCall<C extends Channel> {
  channel: C;
  request: RequestOf<C>;
  answer(value: ResponseOf<C>): Promise<void>;
  fail(message: string): Promise<void>;
  /** Rejects instead of answering, as a broken transport would. */
  throw(error: Error): Promise<void>;
}

/** Lets every promise chain waiting on an answer run to its end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

export class FakeApi {
  private readonly waiting: Array<PendingCall<Channel>> = [];
  private readonly automatic = new Map<Channel, (request: never) => unknown>();
  /** Every request sent, in order, answered or not. */
  readonly sent: Array<{ channel: Channel; request: unknown }> = [];

  readonly api: SpanlightApi = new Proxy({} as SpanlightApi, {
    get: (_target, name) => (request: unknown) => this.receive(name as Channel, request),
  });

  /** Answers every call of `channel` at once with what `answer` returns. */
  answerAlways<C extends Channel>(channel: C, answer: (request: RequestOf<C>) => ResponseOf<C>): this {
    this.automatic.set(channel, answer as (request: never) => unknown);
    return this;
  }

  /** The oldest unanswered call of `channel`; fails the test when there is none. */
  next<C extends Channel>(channel: C): PendingCall<C> {
    const at = this.waiting.findIndex((call) => call.channel === channel);
    if (at < 0) throw new Error(`no unanswered ${channel} call`);
    return this.waiting.splice(at, 1)[0] as unknown as PendingCall<C>;
  }

  /** How many calls of `channel` wait for an answer. */
  pending(channel: Channel): number {
    return this.waiting.filter((call) => call.channel === channel).length;
  }

  private receive(channel: Channel, request: unknown): Promise<Result<unknown>> {
    this.sent.push({ channel, request });
    const automatic = this.automatic.get(channel);
    if (automatic) return Promise.resolve({ ok: true, value: automatic(request as never) });
    return new Promise((resolve, reject) => {
      this.waiting.push({
        channel,
        request: request as RequestOf<Channel>,
        answer: async (value) => {
          resolve({ ok: true, value });
          await settle();
        },
        fail: async (message) => {
          resolve({ ok: false, error: { code: 'internal', message } });
          await settle();
        },
        throw: async (error) => {
          reject(error);
          await settle();
        },
      });
    });
  }
}
