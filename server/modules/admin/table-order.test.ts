import { describe, expect, it } from 'vitest';
import { foreignKeysToDefer, orderTablesByDependencies } from './table-order.js';

const fk = (table: string, references: string) => ({ name: `${table}_${references}_fk`, table, references });

describe('orderTablesByDependencies', () => {
  it('puts referenced tables first and breaks ties by name', () => {
    const { order, deferred } = orderTablesByDependencies(
      ['sessions', 'user_scopes', 'users', 'audit_log'],
      [fk('sessions', 'users'), fk('user_scopes', 'users')],
    );
    expect(order).toEqual(['audit_log', 'users', 'sessions', 'user_scopes']);
    expect(deferred).toEqual([]);
  });

  it('orders a chain of three regardless of input order', () => {
    const { order } = orderTablesByDependencies(['c', 'b', 'a'], [fk('c', 'b'), fk('b', 'a')]);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('defers a self-reference without changing the order', () => {
    const { order, deferred } = orderTablesByDependencies(['regions', 'parks'], [fk('regions', 'regions'), fk('parks', 'regions')]);
    expect(order).toEqual(['regions', 'parks']);
    expect(deferred.map((d) => d.name)).toEqual(['regions_regions_fk']);
  });

  it('breaks a two-table cycle at the first table by name', () => {
    const { order, deferred } = orderTablesByDependencies(['x', 'y', 'z'], [fk('x', 'y'), fk('y', 'x'), fk('z', 'x')]);
    expect(order).toEqual(['x', 'y', 'z']);
    expect(deferred.map((d) => d.name)).toEqual(['x_y_fk']);
  });

  it('ignores foreign keys to tables outside the list', () => {
    const { order, deferred } = orderTablesByDependencies(['a'], [fk('a', 'elsewhere')]);
    expect(order).toEqual(['a']);
    expect(deferred).toEqual([]);
  });
});

describe('foreignKeysToDefer', () => {
  it('defers nothing when rows arrive in dependency order', () => {
    expect(foreignKeysToDefer(['users', 'sessions'], [fk('sessions', 'users')])).toEqual([]);
  });

  it('defers keys whose table arrives before (or with) the table it references', () => {
    const deferred = foreignKeysToDefer(
      ['sessions', 'regions', 'users'],
      [fk('sessions', 'users'), fk('regions', 'regions'), fk('users', 'other')],
    );
    expect(deferred.map((d) => d.name)).toEqual(['sessions_users_fk', 'regions_regions_fk']);
  });
});
