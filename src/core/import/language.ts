/**
 * The language of an imported text, from the scripts of its letters: Arabic-script letters make it `ar`,
 * Latin letters `en`, whichever are more; null (unknown) when it has neither, or as many of each. A guess the
 * user can correct in the document panel; the articles this app is for are Arabic or English.
 */

// A letter (so not the Arabic-Indic digits, which are of the Arabic script too) of either script.
const LETTER = /(?=\p{L})(?:(\p{Script=Arabic})|\p{Script=Latin})/gu;

export function detectLanguage(text: string): 'ar' | 'en' | null {
  let arabic = 0;
  let latin = 0;
  LETTER.lastIndex = 0;
  // exec in a loop rather than matchAll: a document can hold millions of letters, and no array of them is built.
  for (let match = LETTER.exec(text); match; match = LETTER.exec(text)) {
    if (match[1] !== undefined) arabic++;
    else latin++;
  }
  if (arabic > latin) return 'ar';
  if (latin > arabic) return 'en';
  return null;
}
