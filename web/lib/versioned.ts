import { z } from 'zod';

/**
 * Optimistic locking (issue 9): every record an edit form opens carries `version`, and the update sends
 * it back; a stale one is refused with 409 `version_conflict`. Until `shared/contracts` declares the
 * field, the web reads it through these helpers (zod would strip an undeclared key); once the contracts
 * have it they are no-ops and can go.
 */
export type Versioned = { version?: number };

const versionField = { version: z.number().int().optional() };

/** The record schema with its optional `version`. */
export function withVersion<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  return schema.extend(versionField);
}

/** A list answer (`{ items: [...] }`) whose items (of schema `item`) carry their optional `version`. */
export function withVersionedItems<T extends z.ZodRawShape, I extends z.ZodRawShape>(list: z.ZodObject<T>, item: z.ZodObject<I>) {
  return list.extend({ items: z.array(withVersion(item)) });
}
