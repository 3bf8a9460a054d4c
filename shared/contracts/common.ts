import { z } from 'zod';

/** The one error format of every failing API call. */
export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof errorResponse>;

export const okResponse = z.object({ ok: z.literal(true) });

/** Paging query shared by every list endpoint. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

/**
 * Optimistic locking: every master-data record carries `version` (1 when created, +1 on every
 * change, whoever makes it: a form, the CLI or an import). An update body may send the version the
 * form was loaded with; when the record has changed since, the update answers 409 `version_conflict`
 * and writes nothing. Optional so the CLI and older API clients keep working; the web always sends it.
 */
export const recordVersion = z.number().int().min(1);
export const versionField = { version: recordVersion };
export const expectedVersionField = { version: recordVersion.optional() };
/** `DELETE …?version=N`: the version the confirm dialog showed; a record changed since answers 409 and stays. */
export const deleteVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

/** True when an update body names something to change besides the version it was read at. */
export function changesSomething(body: object): boolean {
  return Object.keys(body).some((key) => key !== 'version');
}
