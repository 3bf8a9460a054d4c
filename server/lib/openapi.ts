// The published API description (`GET /api/openapi.json`): the zod schemas with an id become
// `components.schemas` (so every `$ref` resolves), and every operation names the one error format.
import type { SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every failing answer: `{ error: { code, message, details } }` from the one error handler. */
const ERROR_ANSWER = {
  description: '错误 (error): { error: { code, message, details } }',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds `default: ErrorResponse` to every operation that has not described its errors itself, so a
 * generated client knows the one error format of every call (documentation only: the routes'
 * serialisers are untouched).
 */
export function addErrorAnswers(paths: unknown): void {
  if (!isRecord(paths)) return;
  for (const item of Object.values(paths)) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const responses = isRecord(operation.responses) ? operation.responses : {};
      responses.default ??= ERROR_ANSWER;
      operation.responses = responses;
    }
  }
}

/** The swagger plugin's `transformObject`: the registered zod schemas as components, then the error answers. */
export const transformOpenApiObject: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input);
  addErrorAnswers(document.paths);
  return document;
};
