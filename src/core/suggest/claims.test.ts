import { describe, expect, it } from 'vitest';
import { findClaimsAndDenials } from './claims';

const one = (text: string) => {
  const found = findClaimsAndDenials(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('claims in English', () => {
  it('takes the content after "X said that", leaving out the attribution, complementizer and full stop', () => {
    const found = one('The Syrian Observatory said that 72 fighters have been killed so far.');
    expect(found).toMatchObject({
      label: 'claim',
      text: '72 fighters have been killed so far',
      source: 'Syrian Observatory',
    });
  });

  it('takes the content before ", X said"', () => {
    const found = one('At least 22 people were killed on Sunday, Lebanese health officials said.');
    expect(found).toMatchObject({
      text: 'At least 22 people were killed on Sunday',
      source: 'Lebanese health officials',
    });
  });

  it('takes the content after "According to X,"', () => {
    const found = one('According to the source, more than 150 militants had registered their names.');
    expect(found).toMatchObject({
      text: 'more than 150 militants had registered their names',
      source: 'source',
    });
  });

  it('skips appeals and comment-policy boilerplate', () => {
    expect(findClaimsAndDenials('Berri said the world should act immediately to stop the killing.')).toEqual(
      [],
    );
    expect(
      findClaimsAndDenials(
        'Please be respectful: your comments said otherwise will be removed by the moderators.',
      ),
    ).toEqual([]);
  });
});

describe('denials in English', () => {
  it('runs from the denier to the end of what is denied, with the denier as source', () => {
    const found = one('Azerbaijan has previously denied the presence of foreign fighters.');
    expect(found).toMatchObject({
      label: 'denial',
      text: 'Azerbaijan has previously denied the presence of foreign fighters',
      source: 'Azerbaijan',
    });
  });

  it('leaves out a leading connective, and does not take a refusal of orders for a denial', () => {
    expect(one('But Baku rejected the reports of Syrian mercenaries in Karabakh.').text).toBe(
      'Baku rejected the reports of Syrian mercenaries in Karabakh',
    );
    expect(
      findClaimsAndDenials('Dozens were jailed after refusing to take part in the fighting abroad.'),
    ).toEqual([]);
  });
});

describe('claims and denials in Arabic', () => {
  it('takes the content after "قال X إن", leaving out the cue, the source and the complementizer', () => {
    const found = one('وقال المرصد السوري لحقوق الإنسان إن حصيلة القتلى بلغت 72 مقاتلاً حتى الآن.');
    expect(found).toMatchObject({
      label: 'claim',
      text: 'حصيلة القتلى بلغت 72 مقاتلاً حتى الآن',
      source: 'المرصد السوري لحقوق الإنسان',
    });
  });

  it('leaves out the fused complementizer أنه', () => {
    expect(one('وأكد السفير أنه تم إرسال نحو 4000 مقاتل إلى أذربيجان.').text).toBe(
      'تم إرسال نحو 4000 مقاتل إلى أذربيجان',
    );
  });

  it('takes the content after "بحسب X،"', () => {
    const found = one('بحسب المصدر، نُقلت دفعة جديدة تضم 430 مقاتلاً إلى كاراباخ.');
    expect(found).toMatchObject({ text: 'نُقلت دفعة جديدة تضم 430 مقاتلاً إلى كاراباخ', source: 'المصدر' });
  });

  it('finds a denial from its verb, and not a refusal of orders', () => {
    const found = one('ونفت وزارة الدفاع الأذربيجانية وجود أي مقاتلين أجانب على أراضيها.');
    expect(found).toMatchObject({
      label: 'denial',
      text: 'نفت وزارة الدفاع الأذربيجانية وجود أي مقاتلين أجانب على أراضيها',
    });
    expect(found.source).toBe('وزارة الدفاع الأذربيجانية');
    expect(findClaimsAndDenials('وسُجن عدد من المقاتلين الذين يرفضون أوامر القتال في الخارج.')).toEqual([]);
  });
});

describe('claims the article states itself', () => {
  it('takes a sentence that reports a countable event, and leaves the headline and appeals alone', () => {
    const text =
      'Twelve fighters deserted their posts\n' +
      'Five of them crossed back on 3 March through a smuggling route. ' +
      'The weather was mild. ' +
      'Officials must release the figures they hold.';
    expect(findClaimsAndDenials(text).map((c) => [c.label, c.text, c.rule])).toEqual([
      ['claim', 'Five of them crossed back on 3 March through a smuggling route', 'stated fact'],
    ]);
  });

  it('does so in Arabic too', () => {
    expect(one('وصل 17 مقاتلاً سورياً إلى ريف حلب الشمالي خلال الأسبوعين الماضيين.').text).toBe(
      'وصل 17 مقاتلاً سورياً إلى ريف حلب الشمالي خلال الأسبوعين الماضيين',
    );
  });
});
