import { findNextLink, parseLinkHeader } from './parseLinkHeader';

describe('parseLinkHeader', () => {
  it.each([
    [
      '</v2/a/tags/list?n=100&last=b>; rel="next"',
      '/v2/a/tags/list?n=100&last=b',
    ],
    [
      '</v2/a/tags/list?n=100&last=b>; rel=next',
      '/v2/a/tags/list?n=100&last=b',
    ],
    [
      '<https://h/x?next_page=abc%3D%3D>;rel="next"',
      'https://h/x?next_page=abc%3D%3D',
    ],
    ['</p?1>; rel="prev", </p?3>; rel="next"', '/p?3'],
    ['</p?1>; title="a, b"; rel="prev" , </p?3> ;rel = "NEXT"', '/p?3'],
    ['</p?3>; rel="next last"', '/p?3'],
    ['</p?1>; rel="prev"', undefined],
    ['garbage', undefined],
    ['', undefined],
  ])('finds the next link in %j', (header, expected) => {
    expect(findNextLink(header)).toBe(expected);
  });

  it('reads several header lines', () => {
    expect(findNextLink(['</a>; rel="prev"', '</b>; rel="next"'])).toBe('/b');
  });

  it('keeps every relation of a link', () => {
    expect(parseLinkHeader('</x>; rel="next last"')).toEqual([
      { target: '/x', rel: ['next', 'last'] },
    ]);
  });

  it('reads links without a separating comma', () => {
    expect(parseLinkHeader('</a>; rel=prev </b>; rel=next')).toEqual([
      { target: '/a', rel: ['prev'] },
      { target: '/b', rel: ['next'] },
    ]);
  });
});
