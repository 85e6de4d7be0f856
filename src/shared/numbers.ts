/**
 * Reading the number in a span of news text, in Latin, Arabic-Indic (٠-٩) or Extended Arabic-Indic (۰-۹)
 * digits, with thousands separators (",", "٬", "،" between digit groups) and decimal points ("." or "٫"):
 * "1,200", "١٢٠٠" and "۱٬۲۰۰" all read 1200. Words that hedge a figure make it approximate.
 */

const DIGIT_BASES = [0x30, 0x660, 0x6f0];

function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    const base = DIGIT_BASES.find((b) => code >= b && code <= b + 9)!;
    return String(code - base);
  });
}

/** The first number written in `text`, or null. */
export function parseNumber(text: string): number | null {
  const latin = toLatinDigits(text).replace(/\u066b/g, '.');
  const match = /\d{1,3}(?:[,\u066c\u060c]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/.exec(latin);
  if (!match) return null;
  const value = Number(match[0].replace(/[,\u066c\u060c]/g, ''));
  return Number.isFinite(value) ? value : null;
}

/** Words that hedge a figure, English and Arabic (the suggestions read them too). */
export const HEDGES = [
  'about',
  'around',
  'approximately',
  'nearly',
  'almost',
  'some',
  'roughly',
  'up to',
  'more than',
  'less than',
  'fewer than',
  'at least',
  'at most',
  'as many as',
  'upwards of',
  'estimated',
  'close to',
  'under',
  'over',
  'hundreds',
  'thousands',
  'dozens',
  'scores',
  'several',
  'نحو',
  'حوالي',
  'حوالى',
  'قرابة',
  'زهاء',
  'أكثر من',
  'اكثر من',
  'أقل من',
  'مئات',
  'آلاف',
  'عشرات',
  'بضعة',
  'بضع',
  'ما يقارب',
  'ما يقرب من',
  'يقارب',
  'ما يزيد',
  'ما لا يقل عن',
  'لا يقل عن',
  'أزيد من',
];

/** Whether `text` hedges its figure ("about 300", "نحو 300", "hundreds"). */
export function isApproximate(text: string): boolean {
  const lower = text.toLowerCase();
  return HEDGES.some((hedge) => new RegExp(`(^|[^\\p{L}])${hedge}($|[^\\p{L}])`, 'u').test(lower));
}
