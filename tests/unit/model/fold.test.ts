import { describe, expect, it } from 'vitest';
import { citationKeyBase } from '@/lib/formats/bibtex';
import { isRicherAuthorList } from '@/lib/db/merge';
import { foldLetters } from '@/lib/model/fold';
import { foldForSearch } from '@/lib/view/library-view';
import { paper } from '../support/factory';

describe('foldLetters: the one table of letters Unicode leaves whole', () => {
  it('drops accents, spells out ligatures and the letters decomposition keeps, and keeps case', () => {
    expect(foldLetters('Łukasz Müller')).toBe('Lukasz Muller');
    expect(foldLetters('Straße Ærø ﬁne')).toBe('Strasse AEro fine');
    expect(foldLetters('Ħana Ŋaŋa')).toBe('Hana NGanga');
    expect(foldLetters('注意力')).toBe('注意力');
  });

  it('is what search, citation keys and author names all fold with', () => {
    // Before one table, search spelled `ŋ` as `ng`, citation keys as `n`, and name matching kept it.
    expect(foldForSearch('Ħana Ŋaŋa')).toBe('hana nganga');
    expect(citationKeyBase(paper({ authors: ['Ħana Ŋaŋa'], title: 'Attention', published: '2024-01-22' }))).toBe('nganga2024attention');
    expect(isRicherAuthorList(['Nganga, Hana', 'Ada Lovelace'], ['Ħana Ŋaŋa'])).toBe(true);
  });
});
