import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';

/** `$argon2id$v=19$m=…,t=…,p=…`: the algorithm and cost part of an encoded hash. */
const costs = (encoded: string) => encoded.split('$').slice(1, 4).join('$');

describe('passwords', () => {
  it('hashes with argon2id at 19 MiB, 2 passes, 1 lane, and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse');
    expect(costs(stored)).toBe('argon2id$v=19$m=19456,t=2,p=1');
    expect(await verifyPassword(stored, 'correct horse')).toBe(true);
    expect(await verifyPassword(stored, 'correct horsE')).toBe(false);
  });

  it('checks an unknown user against a dummy hash of the same costs, and answers false', async () => {
    const stored = await hashPassword('anything');
    expect(costs(DUMMY_HASH)).toBe(costs(stored));
    // A real argon2id hash (of a fixed phrase), not a string that fails fast to parse.
    expect(await verify(DUMMY_HASH, 'chainchief-timing-equaliser')).toBe(true);
    expect(await verifyPassword(null, 'chainchief-timing-equaliser')).toBe(false);
  });
});
