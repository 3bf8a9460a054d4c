import type { FormRule } from 'antd';
import type { z } from 'zod';

type RuleMessages = {
  /** When set the field is required, and this is said when it is empty. */
  required?: string;
  /** Said when the value breaks the schema (defaults to `required`'s message). */
  invalid?: string;
};

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * antd form rules from a field's shared zod schema (`rulesFrom(createRegionRequest.shape.code, …)`):
 * the form checks a value with the very schema the server validates it with, so a format is written
 * once, in `shared/contracts`. An empty optional field is left to the schema's own default.
 */
export function rulesFrom(schema: z.ZodType, messages: RuleMessages): FormRule[] {
  const invalid = messages.invalid ?? messages.required ?? '';
  const rules: FormRule[] = [];
  if (messages.required) rules.push({ required: true, message: messages.required });
  rules.push({
    validator: async (_rule, value: unknown) => {
      if (isEmpty(value)) return;
      if (!schema.safeParse(value).success) throw new Error(invalid);
    },
  });
  return rules;
}
