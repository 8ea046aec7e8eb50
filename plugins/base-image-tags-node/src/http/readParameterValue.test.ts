import { readParameterValue } from './readParameterValue';

const untilComma = /^[^,\s]*/;

describe('readParameterValue', () => {
  it('reads a bare value after spaces, up to where the pattern stops', () => {
    const text = 'realm=  abc,def';
    expect(readParameterValue(text, 6, untilComma)).toEqual({
      value: 'abc',
      end: 11,
    });
  });

  it('reads a quoted value with commas and escapes, ending past the quote', () => {
    const text = 'scope="a,\\"b\\\\c", x';
    const read = readParameterValue(text, 6, untilComma);
    expect(read.value).toBe('a,"b\\c');
    expect(text.slice(read.end)).toBe(', x');
  });

  it('runs an unclosed quote to the end of the text', () => {
    const text = 'x="open, still';
    expect(readParameterValue(text, 2, untilComma)).toEqual({
      value: 'open, still',
      end: text.length + 1,
    });
  });

  it('reads an empty value', () => {
    expect(readParameterValue('a=,b', 2, untilComma)).toEqual({
      value: '',
      end: 2,
    });
    expect(readParameterValue('a=""', 2, untilComma)).toEqual({
      value: '',
      end: 4,
    });
  });
});
