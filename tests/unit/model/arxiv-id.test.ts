import { describe, expect, it } from 'vitest';
import { arxivIdFromPath, canonicalArxivId, issuedMonth } from '@/lib/model/arxiv-id';

describe('canonicalArxivId', () => {
  it.each([
    ['2401.12345', '2401.12345'],
    ['2401.12345v3', '2401.12345'],
    ['arXiv:0704.0001v1', '0704.0001'],
    ['math/0211159', 'math/0211159'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['cs/0112017', 'cs/0112017'],
    ['math.GT/0309136', 'math/0309136'],
  ])('%s -> %s', (raw, id) => expect(canonicalArxivId(raw)).toBe(id));

  it.each(['', '2401.123', '24011.2345', 'hello/1234567', 'math/02111', '2401.12345v', '../2401.12345'])('rejects %j', (raw) =>
    expect(canonicalArxivId(raw)).toBeNull(),
  );
});

describe('arxivIdFromPath', () => {
  it.each([
    ['/abs/2106.09608v2', '2106.09608'],
    ['/pdf/2106.09608.pdf', '2106.09608'],
    ['/papers/2609.31620', '2609.31620'],
    ['/abs/hep-th/9901001', 'hep-th/9901001'],
    ['/papers/trending', null],
    ['/list/cs.LG/new', null],
    ['/papers/%E0%A4%A', null],
    ['/abs/%', null],
  ])('%s -> %s', (path, id) => expect(arxivIdFromPath(path)).toBe(id));
});

describe('issuedMonth', () => {
  it('reads the month an id was issued in from both styles of id', () => {
    expect(issuedMonth('2401.12345')).toEqual({ year: 2024, month: 1 });
    expect(issuedMonth('0704.0001')).toEqual({ year: 2007, month: 4 });
    expect(issuedMonth('hep-th/9901001')).toEqual({ year: 1999, month: 1 });
    expect(issuedMonth('math.GT/0309136')).toEqual({ year: 2003, month: 9 });
    expect(issuedMonth('2413.12345')).toBeUndefined();
    expect(issuedMonth('not an id')).toBeUndefined();
  });
});
