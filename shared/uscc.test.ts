import { describe, expect, it } from 'vitest';
import { isValidUscc, makeUscc, organisationCheckChar, usccCheckChar, validateUscc } from './uscc.js';

// Example 1, by hand: 9 1 430405 12345678 + check17 + check18.
// Organisation code body 12345678 with weights 3,7,9,10,5,8,4,2:
//   1·3 + 2·7 + 3·9 + 4·10 + 5·5 + 6·8 + 7·4 + 8·2 = 201; 201 mod 11 = 3; 11 − 3 = 8 → '8'.
// Check character over 9,1,4,3,0,4,0,5,1,2,3,4,5,6,7,8,8 with weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28:
//   9+3+36+81+0+104+0+85+20+58+75+52+40+144+70+240+224 = 1241; 1241 mod 31 = 1; 31 − 1 = 30 → 'Y'.
const EXAMPLE_DIGITS = '91430405123456788Y';

// Example 2, with letters: body MA4L0001. GB 11714 values M=22, A=10, L=21:
//   22·3 + 10·7 + 4·9 + 21·10 + 0 + 0 + 0 + 1·2 = 384; 384 mod 11 = 10; 11 − 10 = 1 → '1'.
// GB 32100 values M=21, A=10, L=20 over 9,1,4,3,0,4,0,8,21,10,4,20,0,0,0,1,1:
//   9+3+36+81+0+104+0+136+420+290+100+260+0+0+0+30+28 = 1497; 1497 mod 31 = 9; 31 − 9 = 22 → 'N'.
const EXAMPLE_LETTERS = '91430408MA4L00011N';

describe('validateUscc', () => {
  it('accepts the hand-computed examples', () => {
    expect(validateUscc(EXAMPLE_DIGITS)).toEqual({ ok: true, value: EXAMPLE_DIGITS });
    expect(validateUscc(EXAMPLE_LETTERS)).toEqual({ ok: true, value: EXAMPLE_LETTERS });
  });

  it('normalises spaces and lower case', () => {
    expect(validateUscc(' 91430408ma4l00011n ')).toEqual({ ok: true, value: EXAMPLE_LETTERS });
  });

  it('names position 18 and the expected character when the check character is wrong', () => {
    expect(validateUscc('91430405123456788X')).toMatchObject({
      ok: false,
      position: 18,
      message: '第18位校验码应为 Y (check character at position 18 should be Y)',
    });
  });

  it('names position 17 when the organisation code check is wrong', () => {
    expect(validateUscc('91430405123456787Y')).toMatchObject({
      ok: false,
      position: 17,
      messageZh: '第17位组织机构代码校验码应为 8',
      messageEn: 'organisation code check character at position 17 should be 8',
    });
  });

  it('rejects a wrong length without a position', () => {
    const result = validateUscc('9143040512345678');
    expect(result).toMatchObject({ ok: false, position: null });
    if (!result.ok) expect(result.messageZh).toBe('统一社会信用代码应为18位，实际为16位');
  });

  it('rejects the letters I, O, S, V, Z and names the position', () => {
    const result = validateUscc('91430408MA4O00011N');
    expect(result).toMatchObject({ ok: false, position: 12 });
  });

  it('checks the authority (1), the type (2) and the division code (3–8)', () => {
    expect(validateUscc('B1430405123456788Y')).toMatchObject({ ok: false, position: 1 });
    expect(validateUscc('9A430405123456788Y')).toMatchObject({ ok: false, position: 2 });
    expect(validateUscc('9143A405123456788Y')).toMatchObject({ ok: false, position: 5 });
  });

  it('catches a single mistyped digit anywhere in the code', () => {
    for (let i = 0; i < 16; i += 1) {
      const ch = EXAMPLE_DIGITS.charAt(i);
      const other = ch === '1' ? '2' : '1';
      const typo = EXAMPLE_DIGITS.slice(0, i) + other + EXAMPLE_DIGITS.slice(i + 1);
      expect(isValidUscc(typo)).toBe(false);
    }
  });
});

describe('check characters', () => {
  it('writes an organisation check of 10 as X and 11 as 0', () => {
    // 4·3 = 12; 12 mod 11 = 1; 11 − 1 = 10 → 'X'.
    expect(organisationCheckChar('40000000')).toBe('X');
    // 0; 11 − 0 = 11 → '0'.
    expect(organisationCheckChar('00000000')).toBe('0');
  });

  it('computes the position-18 character of the examples', () => {
    expect(usccCheckChar(EXAMPLE_DIGITS.slice(0, 17))).toBe('Y');
    expect(usccCheckChar(EXAMPLE_LETTERS.slice(0, 17))).toBe('N');
  });
});

describe('makeUscc', () => {
  it('completes the first 16 characters with both check characters', () => {
    expect(makeUscc('9143040512345678')).toBe(EXAMPLE_DIGITS);
    expect(makeUscc('91430408MA4L0001')).toBe(EXAMPLE_LETTERS);
    expect(makeUscc('9143040840000000')).toMatch(/^9143040840000000X.$/);
  });

  it('refuses input that cannot become a valid code', () => {
    expect(() => makeUscc('914304051234567')).toThrow(/16 characters/);
    expect(() => makeUscc('9143O40512345678')).toThrow(/position 5/);
  });
});
