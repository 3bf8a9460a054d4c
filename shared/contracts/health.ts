import { z } from 'zod';

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
  /** With a read replica (DATABASE_READ_URL): its lag behind the primary, null when it cannot be reached. */
  replica: z.object({ lagSeconds: z.number().nullable(), warnOverSeconds: z.number(), lagging: z.boolean() }).optional(),
});
export type HealthResponse = z.infer<typeof healthResponse>;
