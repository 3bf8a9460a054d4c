import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.js';

// PGlite is one Postgres session behind its socket: what a connection prepared outlives it.
let database: Database;
beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null });
});
afterAll(async () => database.close());

describe('the embedded database connection', () => {
  it('runs a named prepared statement again after a failed query replaced the connection', async () => {
    const named = { name: 'client_test_answer', text: 'SELECT $1::int + 1 AS answer', values: [41] };
    expect((await database.pool.query(named)).rows).toEqual([{ answer: 42 }]);
    // A failing query through the pool destroys its connection; the next query opens a new one.
    await expect(database.pool.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    expect((await database.pool.query(named)).rows).toEqual([{ answer: 42 }]);
    expect((await database.pool.query({ ...named, values: [1] })).rows).toEqual([{ answer: 2 }]);
  });
});
