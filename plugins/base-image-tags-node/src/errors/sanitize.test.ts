import { describeUrl, redactSecrets, sanitizedExcerpt } from './sanitize';

describe('sanitizedExcerpt', () => {
  it('removes markup and control characters and masks credentials', () => {
    expect(
      sanitizedExcerpt(
        '<h1>Oops</h1>\r\n Authorization: Bearer abc123 {"password": "hunter2"} eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig',
      ),
    ).toBe('Oops Authorization: Bearer *** {password=***} ***');
  });

  it('truncates', () => {
    expect(sanitizedExcerpt('x'.repeat(500), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});

describe('describeUrl', () => {
  it('drops user info and shortens long queries', () => {
    expect(describeUrl('https://user:pw@h/v2/a?x=1')).toBe(
      'https://h/v2/a?x=1',
    );
    expect(describeUrl(`https://h/p?c=${'a'.repeat(200)}`)).toMatch(/…$/);
  });
});

describe('redactSecrets', () => {
  it('masks passwords, their basic encoding and tokens', () => {
    const basic = Buffer.from('u:hunter22').toString('base64');
    expect(
      redactSecrets(`echo hunter22 ${basic} tok-123456`, {
        username: 'u',
        password: 'hunter22',
        tokens: ['tok-123456'],
      }),
    ).toBe('echo *** *** ***');
  });
});
