// The published API description is a valid OpenAPI document a standard client generator accepts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test/app.js';

let t: TestApp;
let document: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  document = res.json();
});
afterAll(async () => {
  await t.close();
});

/** Every `$ref` string anywhere in a JSON value. */
function refsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsOf(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') out.add(v);
      else refsOf(v, out);
    }
  }
  return out;
}

describe('GET /api/openapi.json', () => {
  it('holds every schema it refers to', () => {
    const components = document.components as { schemas?: Record<string, unknown> };
    const names = new Set(Object.keys(components.schemas ?? {}));
    const refs = [...refsOf(document)];
    expect(refs).toContain('#/components/schemas/ErrorResponse');
    for (const ref of refs) expect(names.has(ref.replace('#/components/schemas/', '')), ref).toBe(true);
  });

  it('gives every API operation its answers, with the one error format', () => {
    const paths = document.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    expect(Object.keys(paths).length).toBeGreaterThan(30);
    for (const [url, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(operation.responses?.default, `${method} ${url}`).toEqual({
          description: expect.any(String),
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        });
      }
    }
    expect(Object.keys(paths['/api/monitoring/chains']?.get?.responses ?? {})).toContain('200');
  });

  it('passes a standard OpenAPI validator', async () => {
    const result = await validate(structuredClone(document) as unknown as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.specification).toBe('OpenAPI');
  });

  it('generates a typed client that typechecks', async () => {
    const ast = await openapiTS(structuredClone(document) as unknown as OpenAPI3);
    const source = astToString(ast);
    expect(source).toContain('"/api/monitoring/chains"');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-openapi-'));
    try {
      const file = path.join(dir, 'api.d.ts');
      const client = path.join(dir, 'client.ts');
      fs.writeFileSync(file, source);
      // A use of the generated types: the chains answer's range and the error's code.
      fs.writeFileSync(
        client,
        [
          "import type { paths, components } from './api.js';",
          "type Chains = paths['/api/monitoring/chains']['get']['responses']['200']['content']['application/json'];",
          "export const range: Chains['range'] = 'ytd';",
          "export const code: components['schemas']['ErrorResponse']['error']['code'] = 'not_found';",
        ].join('\n'),
      );
      const program = ts.createProgram([file, client], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        skipLibCheck: false,
        types: [],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(diagnostics).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
