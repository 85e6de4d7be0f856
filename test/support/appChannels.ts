/**
 * A fresh app session with a new project for each test, and its channels called through dispatch (payload
 * validation included), as the renderer calls them. Call at a test file's top level. Test-only.
 */
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Channel, RequestOf, ResponseOf } from '@shared/contract';
import type { ImportReport } from '@shared/model';
import { dispatch } from '../../src/core/api/dispatch';
import { createHandlers, type Handlers } from '../../src/core/api/handlers';
import { AppSession } from '../../src/core/session/session';
import { useTempDirs } from './fixtures';
import { filesToSend, importAsJob } from './importJob';

export interface ProjectChannels {
  /** Calls a channel and answers its value, failing the test on an error value. */
  call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Imports files (name → content) as the window's file picker sends them: an import job, followed to its end. */
  importFiles(files: Record<string, string | Buffer>): Promise<ImportReport>;
  /** Imports one file, as importFiles. */
  importFile(name: string, content: string | Buffer): Promise<ImportReport>;
}

export function useProjectChannels(projectName: string): ProjectChannels {
  const temp = useTempDirs();
  let session: AppSession;
  let handlers: Handlers;
  const call = async <C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await dispatch(handlers, channel, payload);
    if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
    return result.value as ResponseOf<C>;
  };
  beforeEach(async () => {
    const dir = temp.make();
    session = new AppSession('browser', join(dir, 'data'));
    handlers = createHandlers(session);
    await call('project:create', { path: join(dir, projectName) });
  });
  afterEach(() => session.close());
  const importFiles = (files: Record<string, string | Buffer>) =>
    importAsJob((channel, payload) => dispatch(handlers, channel, payload), filesToSend(files));
  return { call, importFiles, importFile: (name, content) => importFiles({ [name]: content }) };
}
