import { describe, expect, it } from 'vitest';
import { parseWith } from '../common/zod-errors';
import { PublisherAssessment, SourceCorrection, SourceRegistration } from './source.schema';

const sohr = {
  sourceId: 'sohr-2024-12-06-rastan',
  publisher: 'sohr',
  publisherName: 'Syrian Observatory for Human Rights',
  publisherKind: 'monitor',
  title: 'Rastan captured',
  url: 'https://example.org/sohr/rastan',
  publishedAt: '2024-12-06',
  language: 'en',
  citedIn: { article: 'homs-offensive-2024', ref: '4' },
};

function errorPaths(input: unknown): string[] {
  const result = parseWith(SourceRegistration, input);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors.map((e) => e.path);
}

describe('SourceRegistration', () => {
  it('given a well-formed source, when parsed, then it is accepted unchanged', () => {
    expect(parseWith(SourceRegistration, sohr)).toEqual({ ok: true, value: sohr });
  });

  it('given a source with only the required fields, when parsed, then url and publishedAt are null and language en', () => {
    const { url: _u, publishedAt: _p, language: _l, citedIn: _c, ...source } = sohr;
    expect(parseWith(SourceRegistration, source)).toEqual({
      ok: true,
      value: { ...source, url: null, publishedAt: null, language: 'en' },
    });
  });

  it('given a publication instant with an offset, when parsed, then it is accepted', () => {
    expect(parseWith(SourceRegistration, { ...sohr, publishedAt: '2024-12-06T18:45:00+03:00' }).ok).toBe(true);
  });

  it('given a publication instant without an offset, when parsed, then the error is at publishedAt', () => {
    expect(errorPaths({ ...sohr, publishedAt: '2024-12-06T18:45:00' })).toEqual(['publishedAt']);
  });

  it('given a URL that is not http(s), when parsed, then the error is at url', () => {
    expect(errorPaths({ ...sohr, url: 'ftp://example.org/report' })).toEqual(['url']);
  });

  it('given an unknown publisher kind, when parsed, then the error is at publisherKind', () => {
    expect(errorPaths({ ...sohr, publisherKind: 'blog' })).toEqual(['publisherKind']);
  });

  it('given citedIn without a reference name, when parsed, then the error is at citedIn.ref', () => {
    expect(errorPaths({ ...sohr, citedIn: { article: 'homs-offensive-2024' } })).toEqual(['citedIn.ref']);
  });

  it('given a language that is not a tag, when parsed, then the error is at language', () => {
    expect(errorPaths({ ...sohr, language: 'English' })).toEqual(['language']);
  });
});

describe('SourceCorrection', () => {
  it('given a corrected publication date and a reason, when parsed, then it is accepted', () => {
    expect(parseWith(SourceCorrection, { publishedAt: '2024-12-05', reason: 'misattributed date' })).toEqual({
      ok: true,
      value: { publishedAt: '2024-12-05', reason: 'misattributed date' },
    });
  });

  it('given only a reason, when parsed, then it is rejected as changing nothing', () => {
    expect(parseWith(SourceCorrection, { reason: 'nothing' }).ok).toBe(false);
  });
});

describe('PublisherAssessment', () => {
  it.each(['A', 'B', 'C', 'D', 'E', 'F'])('given grade %s, when parsed, then it is accepted', (reliability) => {
    expect(parseWith(PublisherAssessment, { reliability, reason: 'track record' }).ok).toBe(true);
  });

  it('given grade G, when parsed, then the error is at reliability', () => {
    const result = parseWith(PublisherAssessment, { reliability: 'G', reason: 'track record' });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['reliability']);
  });
});
