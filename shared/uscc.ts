// 统一社会信用代码 (unified social credit code, USCC) per GB 32100-2015.
//
// 18 characters from a 31-character set (digits and upper-case letters without I, O, S, V, Z):
//   position 1      登记管理部门代码 (registration authority: 1–9, A, N, Y)
//   position 2      机构类别代码 (type of organisation within that authority: a digit 1–9)
//   positions 3–8   登记管理机关行政区划码 (GB/T 2260 division code of the registering office)
//   positions 9–17  主体标识码 (the organisation code of GB 11714: 8 body characters + its check at 17)
//   position 18     校验码 (check character over positions 1–17)

/** The 31 characters of GB 32100-2015, in value order (index = value). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17 for the check character: 3^(i) mod 31, i = 0…16. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Weights of the 8 body characters of a GB 11714 organisation code. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

const AUTHORITY_CODES = '123456789ANY';
const TYPE_CODES = '123456789';

export type UsccResult =
  | { ok: true; value: string }
  | {
      ok: false;
      /** 1-based position of the first wrong character; null when the length is wrong. */
      position: number | null;
      messageZh: string;
      messageEn: string;
      /** Both languages: "中文 (English)". */
      message: string;
    };

function fail(position: number | null, messageZh: string, messageEn: string): UsccResult {
  return { ok: false, position, messageZh, messageEn, message: `${messageZh} (${messageEn})` };
}

/** Value of a character in the GB 11714 organisation code: digits 0–9, letters A=10 … Z=35. */
function orgCodeValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  return ch.charCodeAt(0) - 55;
}

/**
 * Check character (position 17) of the organisation code formed by the 8 body characters at
 * positions 9–16: C = 11 − (Σ value·weight mod 11), where 10 is written 'X' and 11 is written '0'.
 */
export function organisationCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += orgCodeValue(body.charAt(i)) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/**
 * Check character (position 18) over the first 17 characters: value = 31 − (Σ value·weight mod 31),
 * where 31 becomes 0; the value is written with the GB 32100 character set.
 */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  const value = (31 - (sum % 31)) % 31;
  return USCC_CHARSET.charAt(value);
}

/**
 * Validates a 统一社会信用代码. Surrounding spaces are removed and letters upper-cased (a code
 * typed in lower case is the same code). A failure names the first wrong position in Chinese and
 * English, e.g. "第18位校验码应为 Y (check character at position 18 should be Y)", so the user
 * knows which character to look at on the licence.
 */
export function validateUscc(input: string): UsccResult {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) {
    return fail(
      null,
      `统一社会信用代码应为18位，实际为${code.length}位`,
      `a unified social credit code has 18 characters, got ${code.length}`,
    );
  }
  for (let i = 0; i < 18; i += 1) {
    const ch = code.charAt(i);
    if (!USCC_CHARSET.includes(ch)) {
      return fail(
        i + 1,
        `第${i + 1}位字符“${ch}”无效（只能是数字和除 I、O、S、V、Z 以外的大写字母）`,
        `character '${ch}' at position ${i + 1} is not allowed (digits and capital letters except I, O, S, V, Z)`,
      );
    }
  }
  const authority = code.charAt(0);
  if (!AUTHORITY_CODES.includes(authority)) {
    return fail(1, `第1位登记管理部门代码“${authority}”无效`, `registration authority code '${authority}' at position 1 is not valid`);
  }
  const type = code.charAt(1);
  if (!TYPE_CODES.includes(type)) {
    return fail(2, `第2位机构类别代码“${type}”无效`, `organisation type code '${type}' at position 2 is not valid`);
  }
  for (let i = 2; i < 8; i += 1) {
    const ch = code.charAt(i);
    if (ch < '0' || ch > '9') {
      return fail(
        i + 1,
        `第${i + 1}位应为数字（第3–8位是登记管理机关行政区划码）`,
        `position ${i + 1} should be a digit (positions 3–8 are the administrative division code)`,
      );
    }
  }
  const orgCheck = organisationCheckChar(code.slice(8, 16));
  if (code.charAt(16) !== orgCheck) {
    return fail(17, `第17位组织机构代码校验码应为 ${orgCheck}`, `organisation code check character at position 17 should be ${orgCheck}`);
  }
  const check = usccCheckChar(code.slice(0, 17));
  if (code.charAt(17) !== check) {
    return fail(18, `第18位校验码应为 ${check}`, `check character at position 18 should be ${check}`);
  }
  return { ok: true, value: code };
}

/** True when `input` is a valid 统一社会信用代码. */
export function isValidUscc(input: string): boolean {
  return validateUscc(input).ok;
}

/**
 * Completes a code from its first 16 characters (authority, type, 6-digit division code and the
 * 8 body characters of the organisation code) by computing both check characters. Used by the demo
 * generator; throws when the 16 characters could never form a valid code.
 */
export function makeUscc(seedDigits: string): string {
  if (seedDigits.length !== 16) throw new Error(`makeUscc needs 16 characters, got ${seedDigits.length}`);
  const first17 = seedDigits + organisationCheckChar(seedDigits.slice(8, 16));
  const code = first17 + usccCheckChar(first17);
  const result = validateUscc(code);
  if (!result.ok) throw new Error(`makeUscc(${seedDigits}): ${result.message}`);
  return code;
}
