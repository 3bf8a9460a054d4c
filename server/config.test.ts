import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to port 3000, ./data and demo seeding', () => {
    const c = loadConfig({});
    expect([c.PORT, c.DATA_DIR, c.SEED_DEMO, c.DATABASE_URL]).toEqual([3000, './data', true, undefined]);
  });

  it('lists every bad setting in one message', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ADMIN_PASSWORD: 'short' })).toThrow(
      /PORT: .*; DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\/; ADMIN_PASSWORD: must be at least 10 characters/,
    );
  });

  it('reads SEED_DEMO=false', () => {
    expect(loadConfig({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
  });

  it('opens 4 PostgreSQL connections a core unless DATABASE_POOL_SIZE says otherwise, and refuses 0', () => {
    expect(loadConfig({}).DATABASE_POOL_SIZE).toBe(os.availableParallelism() * 4);
    expect(loadConfig({ DATABASE_POOL_SIZE: '' }).DATABASE_POOL_SIZE).toBe(os.availableParallelism() * 4);
    expect(loadConfig({ DATABASE_POOL_SIZE: '12' }).DATABASE_POOL_SIZE).toBe(12);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
