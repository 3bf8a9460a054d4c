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

/** An update body: any of `fields`, the version it was read at, and at least one field to change (else 400). */
export function updateRequestOf<T extends z.ZodRawShape>(fields: z.ZodObject<T>) {
  return fields.partial().extend(expectedVersionField).refine(changesSomething, 'at least one field to change');
}

/** A list answer with how many rows match in all (`total`: the pager's count when `items` is one page). */
export function pagedList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** A list answered whole: `{ items }`. */
export function itemList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** A serial id in a path or query: a positive integer within PostgreSQL's `integer` (a larger one is a 400, not a failed query). */
export const serialId = z.coerce.number().int().positive().max(2_147_483_647);
/** `/:id` of a record with a serial id. */
export const idParams = z.object({ id: serialId });

/** A year in a query or path (2000 … 2100). */
export const yearParam = z.coerce.number().int().min(2000).max(2100);

/** A yes/no filter of a query string: `?open=true`. */
export const queryBoolean = z.enum(['true', 'false']);

/** Text a person must give: trimmed, 1 … `max` characters. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
/** Text a person may leave out: trimmed, at most `max` characters, null when not given. */
export const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** What a search box sends (`q`): part of a name or code, trimmed, at most 64 characters. */
export const searchText = z.string().trim().max(64);
/** A paged list searched by text. */
export const searchPageQuery = pageQuery.extend({ q: searchText.optional() });

/** How every import report opens: whether the call only checked (a dry run) and whether it wrote (a real import without errors). */
export const importOutcomeFields = { dryRun: z.boolean(), written: z.boolean() };
/** What a file import wrote: records new, changed, or equal to the file (written nothing); and the file's columns it does not read. */
export const importTallyFields = {
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  ignoredColumns: z.array(z.string()),
};
