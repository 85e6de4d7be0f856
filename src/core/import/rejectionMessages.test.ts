/**
 * Why a file was rejected reaches the interface as messages: this pins what the importer says of a few bad
 * files to test/support/importRejections.json, the report the renderer's test then words in Arabic
 * (src/renderer/i18n/message.test.ts). The two tests meet at that file, as the core and the renderer meet
 * at the contract.
 */
import { describe, expect, it } from 'vitest';
import { englishOf } from '@shared/messages/message';
import { Project } from '../project/project';
import { steppingClock } from '../../../test/support/fixtures';
import rejections from '../../../test/support/importRejections.json';
import { Importer } from './importer';
import { sourceFromBytes } from './sources';

const pastEnd = JSON.stringify({
  text: 'قال الوزير',
  spans: [{ start: 4, end: 40, label: 'claim' }],
});

describe('rejections as messages', () => {
  it('says why each bad file was rejected as messages whose English is the reason', () => {
    const project = Project.inMemory(steppingClock());
    try {
      const report = new Importer(project).importAll([
        sourceFromBytes('past-end.jsonl', Buffer.from(`${pastEnd}\n`, 'utf8')),
        sourceFromBytes('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9])),
        sourceFromBytes('short.csv', Buffer.from('id,text\n1,fine\n2\n', 'utf8')),
      ]);
      expect(report.imported).toEqual([]);
      expect(report.rejected).toEqual(rejections);
      for (const problem of report.rejected)
        expect(problem.i18n!.map(englishOf).join('\n')).toBe(problem.reason);
    } finally {
      project.close();
    }
  });
});
