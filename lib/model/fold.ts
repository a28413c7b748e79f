/**
 * Letters that Unicode decomposition leaves whole (NFKD splits `é` into `e` + an accent and `ﬁ` into `fi`,
 * but `ł`, `ß` or `ø` stay), spelled the way people type them without the key for it: `lodz` finds `Łódź`,
 * `strasse` finds `Straße`, `Ærø` makes the citation key part `aero`. The one table for search (lib/view/),
 * citation keys (lib/formats/bibtex.ts) and comparing author names (lib/db/merge.ts).
 */
// prettier-ignore
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ŀ: 'l', Ŀ: 'L', ĸ: 'k', ŋ: 'ng', Ŋ: 'NG',
};

const UNFOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Text with its accents and marks dropped and ligatures and the letters above spelled out, case kept
 * (`Łukasz Müller` → `Lukasz Muller`, `ﬁne` → `fine`). Letters of other scripts pass through.
 */
export function foldLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(UNFOLDED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter);
}
