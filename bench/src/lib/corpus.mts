/**
 * Seeded news-like text in English, Arabic and both mixed, with realistic sentence and paragraph lengths, and
 * spans over it (word-aligned, many nested or overlapping) as an annotator would make them. Not grammatical,
 * but shaped like the real thing: headline, blank-line separated paragraphs of 2-6 sentences, numbers,
 * quotes, Arabic punctuation and digits, occasional diacritics and tatweel, and a rare emoji (outside the
 * BMP, so code point and UTF-16 offsets differ as they do in real data).
 */
import { OffsetIndex } from '@shared/offsets';
import type { Random } from './random.mts';

const ENGLISH = (
  'the a of to in and said on for that with by at from after as was were has have had will would could ' +
  'government forces city officials killed wounded people civilians attack attacks fighters rebels army ' +
  'ministry spokesman statement according sources local reports reported confirmed denied claimed ' +
  'ceasefire talks negotiations agreement border refugees camps aid humanitarian convoy shelling airstrike ' +
  'airstrikes village villages province northern southern eastern western region control troops militia ' +
  'coalition international council security resolution vote election parliament protesters protest ' +
  'police arrested released hospital children women men families displaced thousands hundreds dozens ' +
  'week month year yesterday morning evening night early late last first second third new former senior ' +
  'commander minister president envoy observers monitor group groups organisation human rights water food ' +
  'fuel prices economy currency market workers schools closed reopened damaged destroyed buildings roads ' +
  'bridge crossing checkpoint offensive operation withdrawal advance clashes fighting heavy sporadic ' +
  'earlier later despite amid while during since before until near around about more than least nearly'
).split(' ');

const ENGLISH_NAMES = (
  'Aleppo Idlib Raqqa Damascus Homs Daraa Mosul Baghdad Gaza Beirut Geneva Astana Ankara Moscow Washington ' +
  'Reuters AFP UNHCR WHO SDF UN NATO Tehran Amman Cairo Tripoli Benghazi Sanaa Aden Hodeidah Kirkuk Erbil'
).split(' ');

const ARABIC = (
  'قال المتحدث باسم الحكومة إن القوات سيطرت على مدينة بعد معارك عنيفة مع مسلحين في الشمال السوري وأضاف ' +
  'أن عدد القتلى بلغ شخصا بينهم أطفال ونساء وفق مصادر محلية المرصد لحقوق الإنسان الأمم المتحدة مجلس الأمن ' +
  'الدولي وزارة الخارجية بيان رسمي نفى نفت الجيش التحالف الهجوم الصواريخ الطائرات المدنيين النازحين ' +
  'المخيمات المساعدات الإنسانية الحدود التركية العراقية اللبنانية الاتفاق وقف إطلاق النار المفاوضات ' +
  'الرئيس الوزير المسؤول الأمريكي الروسي الإيراني يوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة ' +
  'السبت صباح مساء أمس اليوم العام الماضي الجاري ألف مليون دولار نحو أكثر من أقل حوالي القرية الريف ' +
  'الغربي الشرقي الجنوبي قصف انفجار سيارة مفخخة مقتل إصابة جرحى اعتقال مظاهرات احتجاجات انتخابات ' +
  'البرلمان المعارضة النظام الفصائل المسلحة الكردية وحدات حماية الشعب تنظيم الدولة الإسلامية ' +
  'المُقاتِلون قالَ الـــهجوم مستشفى مدرسة المياه الكهرباء الوقود الأسعار الاقتصاد العملة السوق ' +
  'عن إلى هذا هذه التي الذي كما وقد لكن حيث منذ خلال بعد قبل حتى ضد عبر بين'
).split(' ');

const ARABIC_NAMES =
  'حلب إدلب الرقة دمشق حمص درعا الموصل بغداد غزة بيروت جنيف أستانا أنقرة موسكو واشنطن'.split(' ');

const EMOJI = ['📍', '🇸🇾', '😢', '🔴'];

export type Language = 'en' | 'ar' | 'mixed';

function number(random: Random, arabicDigits: boolean): string {
  const kind = random.int(0, 4);
  let text: string;
  if (kind === 0) text = String(random.int(2, 99));
  else if (kind === 1)
    text = random.int(1, 99).toLocaleString('en-US') + ',' + String(random.int(0, 999)).padStart(3, '0');
  else if (kind === 2) text = `${random.int(1, 95)}%`;
  else if (kind === 3) text = String(random.int(2011, 2024));
  else text = String(random.int(100, 999));
  if (!arabicDigits) return text;
  return text
    .replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))
    .replace(/,/g, '٬')
    .replace(/%/g, '٪');
}

function sentence(random: Random, language: 'en' | 'ar'): string {
  const words: string[] = [];
  const length = random.int(8, 28);
  const arabicDigits = language === 'ar' && random.chance(0.3);
  for (let i = 0; i < length; i++) {
    const r = random.next();
    if (r < 0.06) words.push(number(random, arabicDigits));
    else if (r < 0.13) words.push(random.pick(language === 'en' ? ENGLISH_NAMES : ARABIC_NAMES));
    else words.push(random.pick(language === 'en' ? ENGLISH : ARABIC));
    if (i > 2 && i < length - 2 && random.chance(0.07))
      words[words.length - 1] += language === 'en' ? ',' : '،';
  }
  if (language === 'en') words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  const end =
    language === 'en' ? random.pick(['.', '.', '.', '?', '."']) : random.pick(['.', '.', '.', '؟', '».']);
  if (end.length === 2) words[0] = (language === 'en' ? '"' : '«') + words[0];
  return words.join(' ') + end;
}

function paragraph(random: Random, language: Language): string {
  const sentences: string[] = [];
  const count = random.int(2, 6);
  for (let i = 0; i < count; i++) {
    const lang = language === 'mixed' ? (random.chance(0.5) ? 'en' : 'ar') : language;
    sentences.push(sentence(random, lang));
  }
  if (language !== 'ar' && random.chance(0.02)) sentences.push(random.pick(EMOJI));
  // A quote in the other script, as English coverage of Arabic sources (and the reverse) often has.
  if (language !== 'mixed' && random.chance(0.15)) {
    const quote = sentence(random, language === 'en' ? 'ar' : 'en');
    sentences.push(language === 'en' ? `«${quote}»` : `"${quote}"`);
  }
  return sentences.join(' ');
}

function headline(random: Random, language: Language): string {
  const lang = language === 'mixed' ? random.pick(['en', 'ar'] as const) : language;
  const words = Array.from({ length: random.int(5, 11) }, () =>
    random.chance(0.2)
      ? random.pick(lang === 'en' ? ENGLISH_NAMES : ARABIC_NAMES)
      : random.pick(lang === 'en' ? ENGLISH : ARABIC),
  );
  if (lang === 'en') words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return words.join(' ');
}

/** An article of about `targetBytes` of UTF-8: a headline, then paragraphs separated by blank lines. */
export function article(random: Random, targetBytes: number, language: Language): string {
  const parts = [headline(random, language)];
  let bytes = Buffer.byteLength(parts[0]!);
  while (bytes < targetBytes) {
    const p = paragraph(random, language);
    parts.push(p);
    bytes += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n') + '\n';
}

/** The language mix of the import corpus: mostly one language per article, some of both. */
export function pickLanguage(random: Random): Language {
  const r = random.next();
  return r < 0.45 ? 'en' : r < 0.85 ? 'ar' : 'mixed';
}

export const LABELS = ['claim', 'denial', 'number'] as const;
export type LabelName = (typeof LABELS)[number];

/** A span in code points, as the app stores it. */
export interface GeneratedSpan {
  start: number;
  end: number;
  label: LabelName;
}

/** A word of the text: its line and its UTF-16 range, both in the whole text and within its line. */
export interface Word {
  line: number;
  start: number;
  end: number;
  lineStart: number;
}

const WORD = /[\p{L}\p{N}\p{M}\u0640]+(?:[.,'’%٬٪-][\p{L}\p{N}\p{M}]+)*[%٪]?/gu;

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let lineStart = 0;
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(WORD)) {
      const start = lineStart + match.index;
      words.push({ line: index, start, end: start + match[0].length, lineStart });
    }
    lineStart += line.length + 1;
  });
  return words;
}

/** How many words after word `w` stay on its line (0 for the last word of a line). */
function wordsLeftOnLine(words: Word[], w: number, max: number): number {
  let n = 0;
  while (n < max && words[w + n + 1]?.line === words[w]!.line) n++;
  return n;
}

/**
 * `count` distinct word-aligned spans within lines: most placed freely (1-12 words), 30% nested inside an
 * earlier one (a number inside a claim) and 15% overlapping an earlier one's end, so overlaps are common.
 */
export function generateSpans(
  random: Random,
  text: string,
  count: number,
  words = wordsOf(text),
): GeneratedSpan[] {
  const index = new OffsetIndex(text);
  const byWords: Array<[number, number]> = [];
  const seen = new Set<string>();
  const spans: GeneratedSpan[] = [];
  let attempts = 0;
  while (spans.length < count && attempts++ < count * 20) {
    const r = random.next();
    let first: number;
    let last: number;
    const parent = byWords.length > 0 ? random.pick(byWords) : null;
    if (parent && r < 0.3 && parent[1] > parent[0]) {
      first = random.int(parent[0], parent[1]);
      last = random.int(first, parent[1]);
      if (first === parent[0] && last === parent[1]) continue;
    } else if (parent && r < 0.45 && parent[1] > parent[0]) {
      first = random.int(parent[0] + 1, parent[1]);
      last = parent[1] + random.int(1, 4);
      if (words[last]?.line !== words[first]!.line) continue;
    } else {
      first = random.int(0, words.length - 1);
      last = first + random.int(0, wordsLeftOnLine(words, first, 11));
    }
    const key = `${first}:${last}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byWords.push([first, last]);
    const label = random.next() < 0.45 ? 'claim' : random.next() < 0.4 ? 'denial' : 'number';
    spans.push({
      start: index.toCodePoint(words[first]!.start),
      end: index.toCodePoint(words[last]!.end),
      label,
    });
  }
  return spans;
}
