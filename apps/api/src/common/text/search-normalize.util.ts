// Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef) and the tatweel.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ALEF_VARIANTS = /[\u0622\u0623\u0625\u0671]/g; // آ أ إ ٱ → ا
// Letters the PDF extraction and some keyboards write in their Persian forms.
const PERSIAN_FORMS: Record<string, string> = { '\u06CC': '\u064A', '\u06A9': '\u0643', '\u06BE': '\u0647' };

/**
 * The form names are compared in when searching: case, accents and Arabic
 * diacritics ignored, alef and hamza variants merged (أ إ آ ا), ى read as ي,
 * ؤ and ئ as و and ي, punctuation and hyphens as spaces.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // Latin accents, after NFKD
    .normalize('NFC')
    .replace(ARABIC_MARKS, '')
    .replace(ALEF_VARIANTS, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064A')
    .replace(/[\u06CC\u06A9\u06BE]/g, (char) => PERSIAN_FORMS[char])
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
