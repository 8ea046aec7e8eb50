import {
  endOfDigits,
  endOfLetters,
  findVersionStart,
  isDigit,
  isLetter,
  nextVersionPart,
} from './tagScan';

/**
 * Bits of a coarse rank; with a tag's index in the low bits it stays within
 * a double's 53 exact bits for lists of up to 2^17 tags.
 *
 * @internal
 */
export const COARSE_RANK_BITS = 36;

// The coarse rank is the start of the rank key (see rankKeyOf) written as
// bits, so its order agrees with the keys': a number is its bit length (4
// bits, or 15 and 5 more bits from length 15 up) and its bits after the
// leading 1; numbers from 2^30 up all read as "huge", which ends the rank.
// A letter is 5 bits (a = 1). The suffix's first token needs no marker: the
// suffix kind before it already says what it is.
const LENGTH_BITS = 4;
const LONG_LENGTH = 15;
const LONG_LENGTH_BITS = 5;
const HUGE = 2 ** 30;
const HUGE_LENGTH = 31;
const SUFFIX_WORD = 0;
const SUFFIX_NONE = 1;
const SUFFIX_NUMBER = 2;
const TOKEN_END = 0;
const TOKEN_NUMBER = 1;
const TOKEN_WORD = 2;

// Powers of two by table: `2 ** n` with a variable n is a slow call.
const POWER_OF_TWO = Array.from({ length: 54 }, (_, n) => 2 ** n);

// Writer state for one coarseRankOf call; calls never overlap.
let rank = 0;
let bits = 0;

function write(value: number, width: number): void {
  const room = COARSE_RANK_BITS - bits;
  if (room <= 0) return;
  if (width >= room) {
    rank =
      rank * POWER_OF_TWO[room] +
      Math.floor(value / POWER_OF_TWO[width - room]);
    bits = COARSE_RANK_BITS;
  } else {
    rank = rank * POWER_OF_TWO[width] + value;
    bits += width;
  }
}

function stop(): void {
  write(0, COARSE_RANK_BITS);
}

function valueOf(tag: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end && value < HUGE; i++) {
    value = value * 10 + (tag.charCodeAt(i) - 48);
  }
  return value;
}

function writeLength(length: number): void {
  if (length < LONG_LENGTH) {
    write(length, LENGTH_BITS);
  } else {
    write(LONG_LENGTH, LENGTH_BITS);
    write(length - LONG_LENGTH, LONG_LENGTH_BITS);
  }
}

function writeNumber(value: number): void {
  if (value >= HUGE) {
    writeLength(HUGE_LENGTH);
    stop();
    return;
  }
  const length = value === 0 ? 0 : 32 - Math.clz32(value);
  writeLength(length);
  if (length > 1) write(value - POWER_OF_TWO[length - 1], length - 1);
}

function writeWord(tag: string, start: number, end: number): void {
  for (let i = start; i < end && bits < COARSE_RANK_BITS; i++) {
    // Letters to 1..26, ignoring case.
    write((tag.charCodeAt(i) | 32) - 96, 5);
  }
  write(0, 5);
}

/**
 * A number in [0, 2^36) whose order agrees with the rank keys of
 * `rankKeyOf`: a smaller coarse rank means an older tag, while equal coarse
 * ranks say nothing, so those tags are compared by rank key.
 *
 * @internal
 */
export function coarseRankOf(tag: string): number {
  rank = 0;
  bits = 0;
  let i = findVersionStart(tag);
  if (i < 0) {
    stop();
    return rank;
  }
  write(1, 1);

  // Version numbers without trailing zeros (held back until a non-zero
  // number follows), then an end marker.
  let zeros = 0;
  for (;;) {
    const end = endOfDigits(tag, i);
    const value = valueOf(tag, i, end);
    if (value === 0) {
      zeros++;
    } else {
      for (; zeros > 0; zeros--) {
        write(1, 1);
        writeNumber(0);
      }
      write(1, 1);
      writeNumber(value);
    }
    const next = nextVersionPart(tag, end);
    if (next < 0) {
      i = end;
      break;
    }
    i = next;
  }
  write(0, 1);

  // The suffix: its kind by its first token, then its tokens without
  // trailing zero numbers (held back as above), then an end marker.
  let kind = -1;
  let written = 0;
  zeros = 0;
  while (i < tag.length && bits < COARSE_RANK_BITS) {
    const code = tag.charCodeAt(i);
    const numeric = isDigit(code);
    if (!numeric && !isLetter(code)) {
      i++;
      continue;
    }
    if (kind < 0) {
      kind = numeric ? SUFFIX_NUMBER : SUFFIX_WORD;
      write(kind, 2);
    }
    const end = numeric ? endOfDigits(tag, i) : endOfLetters(tag, i);
    const value = numeric ? valueOf(tag, i, end) : -1;
    if (value === 0) {
      zeros++;
    } else {
      for (; zeros > 0; zeros--) {
        if (written++ > 0) write(TOKEN_NUMBER, 2);
        writeNumber(0);
      }
      if (written++ > 0) write(numeric ? TOKEN_NUMBER : TOKEN_WORD, 2);
      if (numeric) writeNumber(value);
      else writeWord(tag, i, end);
    }
    i = end;
  }
  if (kind < 0) write(SUFFIX_NONE, 2);
  write(TOKEN_END, 2);
  stop();
  return rank;
}
