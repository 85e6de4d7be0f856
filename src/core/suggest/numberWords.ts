/**
 * The number words of English and Arabic news text, as the annotation guidelines count them: cardinals,
 * scale words, the approximate plurals that state a count (dozens, عشرات، مئات، آلاف), fractions and the
 * ordinals. Arabic entries are in the light fold of `foldArabicWord` (no harakat or tatweel, hamza'd alefs
 * bare, but ة and ى kept: ى tells the ordinal الأولى from أوليّ, "preliminary").
 */
import { HEDGES } from '@shared/numbers';

export type WordKind = 'unit' | 'ten' | 'hundred' | 'scale' | 'plural' | 'fraction' | 'ordinal' | 'teen-ten';

export interface NumberWord {
  kind: WordKind;
  value: number;
}

const word = (kind: WordKind, value: number): NumberWord => ({ kind, value });

function table(entries: Array<[string[], NumberWord]>): Map<string, NumberWord> {
  const map = new Map<string, NumberWord>();
  for (const [spellings, meaning] of entries) for (const spelling of spellings) map.set(spelling, meaning);
  return map;
}

const ENGLISH_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const ENGLISH_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ENGLISH_ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** English number words, lowercase. */
export const ENGLISH_NUMBER_WORDS: Map<string, NumberWord> = table([
  ...ENGLISH_UNITS.map((w, i): [string[], NumberWord] => [[w], word('unit', i)]),
  ...ENGLISH_TENS.map((w, i): [string[], NumberWord] => [[w], word('ten', (i + 2) * 10)]),
  ...ENGLISH_ORDINALS.map((w, i): [string[], NumberWord] => [[w], word('ordinal', i + 1)]),
  [['hundred'], word('hundred', 100)],
  [['thousand'], word('scale', 1e3)],
  [['million'], word('scale', 1e6)],
  [['billion'], word('scale', 1e9)],
  [['dozen'], word('unit', 12)],
  [['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'tens', 'scores'], word('plural', 0)],
  [['half'], word('fraction', 0.5)],
  [['quarter'], word('fraction', 0.25)],
]);

/** Arabic number words in the light fold. */
export const ARABIC_NUMBER_WORDS: Map<string, NumberWord> = table([
  [['واحد', 'واحدة', 'واحدا'], word('unit', 1)],
  [['احد', 'احدى'], word('unit', 1)],
  [['اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'اثنا', 'اثني', 'اثنتا', 'اثنتي'], word('unit', 2)],
  [['ثلاث', 'ثلاثة'], word('unit', 3)],
  [['اربع', 'اربعة'], word('unit', 4)],
  [['خمس', 'خمسة'], word('unit', 5)],
  [['ست', 'ستة'], word('unit', 6)],
  [['سبع', 'سبعة'], word('unit', 7)],
  [['ثمان', 'ثماني', 'ثمانية'], word('unit', 8)],
  [['تسع', 'تسعة'], word('unit', 9)],
  [['عشر', 'عشرة'], word('teen-ten', 10)],
  [['عشرون', 'عشرين'], word('ten', 20)],
  [['ثلاثون', 'ثلاثين'], word('ten', 30)],
  [['اربعون', 'اربعين'], word('ten', 40)],
  [['خمسون', 'خمسين'], word('ten', 50)],
  [['ستون', 'ستين'], word('ten', 60)],
  [['سبعون', 'سبعين'], word('ten', 70)],
  [['ثمانون', 'ثمانين'], word('ten', 80)],
  [['تسعون', 'تسعين'], word('ten', 90)],
  [['مئة', 'مائة', 'مئه', 'مائه'], word('hundred', 100)],
  [['مئتان', 'مئتين', 'مائتان', 'مائتين', 'مئتا', 'مئتي', 'مائتا', 'مائتي'], word('hundred', 200)],
  ...['ثلاث', 'اربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع'].map((unit, i): [string[], NumberWord] => [
    [`${unit}مئة`, `${unit}مائة`],
    word('hundred', (i + 3) * 100),
  ]),
  [['الف', 'الفا'], word('scale', 1e3)],
  [['الفان', 'الفين'], word('scale', 2e3)],
  [['مليون', 'مليونا'], word('scale', 1e6)],
  [['مليونان', 'مليونين'], word('scale', 2e6)],
  [['مليار', 'مليارا'], word('scale', 1e9)],
  [['عشرات', 'مئات', 'الاف', 'ملايين', 'مليارات'], word('plural', 0)],
  [['نصف'], word('fraction', 0.5)],
  [['ربع'], word('fraction', 0.25)],
  [['ثلث'], word('fraction', 1 / 3)],
  [['اول', 'اولى'], word('ordinal', 1)],
  [['ثاني', 'ثانية'], word('ordinal', 2)],
  [['ثالث', 'ثالثة'], word('ordinal', 3)],
  [['رابع', 'رابعة'], word('ordinal', 4)],
  [['خامس', 'خامسة'], word('ordinal', 5)],
  [['سادس', 'سادسة'], word('ordinal', 6)],
  [['سابع', 'سابعة'], word('ordinal', 7)],
  [['ثامن', 'ثامنة'], word('ordinal', 8)],
  [['تاسع', 'تاسعة'], word('ordinal', 9)],
  [['عاشر', 'عاشرة'], word('ordinal', 10)],
]);

/** Harakat, Quranic marks, superscript alef and tatweel: none changes which word it is. */
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/g;

/**
 * The light fold number words are matched in: marks and tatweel dropped, أ إ آ ٱ written as bare ا. Unlike
 * the search fold (src/shared/searchFold.ts) it keeps ة and ى, which tell number words from other words.
 */
export function foldArabicWord(text: string): string {
  return text.replace(ARABIC_MARKS, '').replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627');
}

/**
 * Proclitics an Arabic number word may carry, longest first: a conjunction (و، ف), a preposition (ب، ل، ك)
 * and the article. The guidelines leave them out of the span (الـ27 → 27, لأول → أول).
 */
export const ARABIC_PROCLITICS = [
  'وبال',
  'فبال',
  'وكال',
  'ولل',
  'فلل',
  'وال',
  'فال',
  'بال',
  'كال',
  'لل',
  'ال',
  'وب',
  'ول',
  'وك',
  'فب',
  'فل',
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
];

/** Words before a figure that make it approximate (the span leaves them out), Arabic in the light fold. */
export const ENGLISH_HEDGES = HEDGES.filter((hedge) => /^[a-z ]+$/.test(hedge));
export const ARABIC_HEDGES = [
  ...new Set(
    HEDGES.filter((hedge) => /\p{Script=Arabic}/u.test(hedge)).map((hedge) => foldArabicWord(hedge)),
  ),
];

/** Counted nouns and units a figure is of, for the `unit` attribute (lowercase, light fold). */
export const UNIT_WORDS = new Set([
  'fighters',
  'fighter',
  'mercenaries',
  'mercenary',
  'militants',
  'militant',
  'soldiers',
  'soldier',
  'troops',
  'people',
  'civilians',
  'men',
  'women',
  'children',
  'members',
  'recruits',
  'dollars',
  'dollar',
  'euros',
  'pounds',
  'lira',
  'liras',
  'percent',
  'km',
  'kilometres',
  'kilometers',
  'miles',
  'hours',
  'days',
  'weeks',
  'months',
  'years',
  'vehicles',
  'tanks',
  'drones',
  'villages',
  'bodies',
  'مقاتل',
  'مقاتلا',
  'مقاتلين',
  'مقاتلون',
  'مرتزق',
  'مرتزقا',
  'مرتزقة',
  'عنصر',
  'عنصرا',
  'عناصر',
  'جندي',
  'جنديا',
  'جنود',
  'شخص',
  'شخصا',
  'اشخاص',
  'مدني',
  'مدنيا',
  'مدنيين',
  'قتيل',
  'قتيلا',
  'قتلى',
  'دولار',
  'دولارا',
  'دولارات',
  'ليرة',
  'يورو',
  'كيلومتر',
  'كم',
  'يوم',
  'يوما',
  'ايام',
  'شهر',
  'شهرا',
  'اشهر',
  'سنة',
  'سنوات',
  'عام',
  'عاما',
  'اعوام',
  'ساعة',
  'ساعات',
  'جثة',
  'جثث',
]);
