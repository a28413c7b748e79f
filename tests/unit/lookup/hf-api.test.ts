// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { huggingFaceApiUrl } from '@/lib/lookup/endpoints';
import { parseHuggingFacePaper } from '@/lib/lookup/hf-api';
import { fixtureJson } from './fixtures';

describe('huggingFaceApiUrl', () => {
  it('is the papers API for the id', () => expect(huggingFaceApiUrl('2401.12345')).toBe('https://huggingface.co/api/papers/2401.12345'));
});

describe('parseHuggingFacePaper', () => {
  it('reads the repository (as its root), project page and counts, ignoring the other fields', () => {
    expect(parseHuggingFacePaper(200, fixtureJson('hf-found.json'))).toEqual({
      kind: 'found',
      githubRepo: 'https://github.com/example/attention',
      projectPage: 'https://example.github.io/attention/',
      githubStars: 1234,
      upvotes: 42,
    });
  });

  it('reads null and empty fields as absent', () => {
    expect(parseHuggingFacePaper(200, fixtureJson('hf-no-code.json'))).toEqual({ kind: 'found', upvotes: 3 });
  });

  it('reads 404 as a paper Hugging Face does not know, which is no error', () => {
    expect(parseHuggingFacePaper(404, { error: 'Paper not found' })).toEqual({ kind: 'unknown' });
  });

  it.each([
    [429, true],
    [500, true],
    [503, true],
    [408, true],
    [0, true],
    [400, false],
    [401, false],
    [403, false],
    [302, false],
  ])('reads status %i as an error, retryable: %s', (status, retryable) => {
    expect(parseHuggingFacePaper(status, undefined)).toEqual({ kind: 'error', retryable, message: `Hugging Face answered ${status}` });
  });

  it('refuses a body with wrong types, naming the fields, and does not retry it', () => {
    const result = parseHuggingFacePaper(200, fixtureJson('hf-wrong-types.json'));
    expect(result).toMatchObject({ kind: 'error', retryable: false });
    if (result.kind === 'error') for (const field of ['githubRepo', 'githubStars', 'upvotes']) expect(result.message).toContain(field);
  });

  it.each([
    ['a string', 'Paper not found'],
    ['null', null],
    ['an array', [{ githubRepo: 'https://github.com/a/b' }]],
    ['negative counts', { upvotes: -1 }],
    ['fractional stars', { githubRepo: 'https://github.com/a/b', githubStars: 1.5 }],
  ])('refuses %s as a body', (_, body) => {
    expect(parseHuggingFacePaper(200, body)).toMatchObject({ kind: 'error', retryable: false });
  });

  it('drops a repository or project page that is not a web address, and stars without a repository', () => {
    expect(
      parseHuggingFacePaper(200, { githubRepo: 'javascript:alert(1)', projectPage: 'javascript:alert(1)', githubStars: 10, upvotes: 1 }),
    ).toEqual({
      kind: 'found',
      upvotes: 1,
    });
    expect(parseHuggingFacePaper(200, { githubRepo: 'https://github.com/features/copilot', githubStars: 10 })).toEqual({ kind: 'found' });
  });
});
