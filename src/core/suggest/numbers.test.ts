import { describe, expect, it } from 'vitest';
import { findNumbers } from './numbers';

const texts = (text: string) => findNumbers(text).map((n) => n.text);
const only = (text: string) => {
  const found = findNumbers(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('digits', () => {
  it('finds figures in Latin, Arabic-Indic and Extended Arabic-Indic digits with their values', () => {
    expect(only('killed 1,200 fighters')).toMatchObject({ text: '1,200', value: 1200, unit: 'fighters' });
    expect(only('مقتل ١٢٠٠ مقاتل')).toMatchObject({ text: '١٢٠٠', value: 1200 });
    expect(only('۱٬۲۰۰ نفر')).toMatchObject({ text: '۱٬۲۰۰', value: 1200 });
    expect(only('a 2.5 increase').value).toBe(2.5);
  });

  it('keeps one span per contiguous numeric token: dates, clock times, decades, ranges', () => {
    expect(texts('On 2020-09-30 at 5:35 in the 1990s')).toEqual(['2020-09-30', '5:35', '1990s']);
    expect(findNumbers('the 1990s')[0]!.value).toBe(1990);
    expect(findNumbers('at 5:35')[0]!.value).toBeNull();
  });

  it('gives a day and a year as two spans, and month names are not numbers', () => {
    expect(texts('26 January 2025')).toEqual(['26', '2025']);
    expect(texts('September 30, 2020')).toEqual(['30', '2020']);
    expect(texts('في 2 تشرين الأوّل/أكتوبر')).toEqual(['2']);
  });

  it('leaves out attached Arabic clitics and the article: الـ27 → 27', () => {
    const found = only('في الـ27 من الشهر');
    expect(found.text).toBe('27');
    expect(found.start).toBe(6);
  });

  it('finds nothing inside links, handles, hashtags, names or share counters', () => {
    expect(texts('https://t.co/bH0uLr2PZn @user123 #Karabakh2020 user123 Su-25 COVID-19')).toEqual([]);
    expect(texts('fight.\n2\n- 2Shares\nBe Civil')).toEqual([]);
    expect(texts('12 / 12 Shares')).toEqual([]);
  });

  it('joins a scale word to the figure: 1.5 million, 4 آلاف', () => {
    expect(only('1.5 million people')).toMatchObject({
      text: '1.5 million',
      value: 1_500_000,
      unit: 'people',
    });
    expect(only('نحو 4 آلاف مقاتل')).toMatchObject({ text: '4 آلاف', value: 4000, approximate: true });
  });

  it('marks hedged figures approximate and leaves the hedge out of the span', () => {
    expect(only('at least 22 were killed')).toMatchObject({ text: '22', approximate: true });
    expect(only('more than 150 militants')).toMatchObject({
      text: '150',
      approximate: true,
      unit: 'militants',
    });
    expect(only('أكثر من 1200 مقاتل')).toMatchObject({ text: '1200', approximate: true });
    expect(only('killed 22 people').approximate).toBe(false);
  });

  it('counts code points, not UTF-16 units, after an emoji', () => {
    const found = only('🇸🇾 93 killed');
    expect(found.start).toBe(3);
    expect([...'🇸🇾 93 killed'].slice(found.start, found.end).join('')).toBe('93');
  });
});

describe('English number words', () => {
  it('reads cardinals, compounds and "a thousand" with its "a"', () => {
    expect(only('Fifteen fighters')).toMatchObject({ text: 'Fifteen', value: 15 });
    expect(only('twenty-five men')).toMatchObject({ text: 'twenty-five', value: 25 });
    expect(only('two hundred and fifty soldiers')).toMatchObject({
      text: 'two hundred and fifty',
      value: 250,
    });
    expect(only('some a thousand mercenaries'.replace('some ', ''))).toMatchObject({
      text: 'a thousand',
      value: 1000,
    });
  });

  it('marks approximate plurals: dozens, hundreds of thousands', () => {
    expect(only('dozens of mercenaries')).toMatchObject({ text: 'dozens', value: null, approximate: true });
    expect(only('hundreds of thousands of people')).toMatchObject({
      text: 'hundreds of thousands',
      approximate: true,
    });
  });

  it('counts ordinals that modify a noun, not adverbial ones', () => {
    expect(texts('a second militant and the first mercenary')).toEqual(['second', 'first']);
    expect(texts('reports first surfaced and they first began; in the first place')).toEqual([]);
    expect(texts('First Syrian fighter killed')).toEqual(['First']);
  });

  it('counts "one" as a numeral, not as a pronoun', () => {
    expect(texts('one report said one of the headquarters')).toEqual(['one', 'one']);
    expect(texts('the one pictured, no one knows')).toEqual([]);
  });

  it('does not take "a number of" or "many" for numbers', () => {
    expect(texts('a number of fighters and many others')).toEqual([]);
  });
});

describe('Arabic number words', () => {
  it('reads cardinals with their values and leaves out clitics', () => {
    expect(only('قتل سبعة مقاتلين')).toMatchObject({ text: 'سبعة', value: 7 });
    expect(only('وخمسة وعشرين')).toMatchObject({ text: 'خمسة وعشرين', value: 25 });
    expect(only('ثلاثة آلاف مرتزق')).toMatchObject({ text: 'ثلاثة آلاف', value: 3000, approximate: false });
    expect(only('دفع الألفين دولار')).toMatchObject({ text: 'ألفين', value: 2000 });
  });

  it('marks the approximate plurals عشرات، مئات، آلاف', () => {
    expect(only('مصرع عشرات المقاتلين')).toMatchObject({ text: 'عشرات', approximate: true, value: null });
    expect(only('عشرات الآلاف من الناس')).toMatchObject({ text: 'عشرات الآلاف', approximate: true });
    expect(only('قتل آلاف')).toMatchObject({ text: 'آلاف', approximate: true });
  });

  it('counts ordinals that modify a noun without their clitics, not month names', () => {
    expect(only('ثاني فيديو').text).toBe('ثاني');
    expect(only('الدفعة الأولى').text).toBe('أولى');
    expect(only('لأول مرة').text).toBe('أول');
    expect(texts('في تشرين الأوّل وكانون الثاني')).toEqual([]);
    expect(texts('في المقام الأول')).toEqual([]);
  });

  it('counts fractions and "one of", not day names or dual nouns', () => {
    expect(only('أكثر من ربع قرن')).toMatchObject({ text: 'ربع', value: 0.25, approximate: true });
    expect(only('أحد المقاتلين').text).toBe('أحد');
    expect(texts('يوم الأحد ويوم الاثنين بين الدولتين والطرفان')).toEqual([]);
  });

  it('counts every copy of a repeated caption', () => {
    expect(texts('مقتل 93 مقاتلاً\nمقتل 93 مقاتلاً')).toEqual(['93', '93']);
  });
});
