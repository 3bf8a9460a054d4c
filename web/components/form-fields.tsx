import type { CSSProperties, ReactNode } from 'react';
import { Form, Input, InputNumber, Select, type FormRule } from 'antd';
import type { z } from 'zod';
import { rulesFrom } from '../lib/form-rules';

export type TextFieldProps = {
  name: string;
  label: string;
  /** The field's shared zod schema: the form checks a typed value with it (`rulesFrom`). */
  schema?: z.ZodType;
  /**
   * The field must be filled: the message said when it is empty (`true`: antd's own message). Without a
   * schema a value of spaces only counts as empty.
   */
  required?: string | true;
  /** Said when the value breaks the schema (defaults to `required`'s message). */
  invalid?: string;
  extra?: ReactNode;
  normalize?: (value: string) => string;
  /** A multi-line text of this many rows. */
  rows?: number;
  maxLength: number;
  placeholder?: string;
  disabled?: boolean;
  autoComplete?: string;
  style?: CSSProperties;
};

function textRules(
  schema: z.ZodType | undefined,
  required: string | true | undefined,
  invalid: string | undefined,
): FormRule[] | undefined {
  const message = required === true ? undefined : required;
  if (schema) return rulesFrom(schema, { required: message, invalid });
  if (required === undefined) return undefined;
  return [message === undefined ? { required: true, whitespace: true } : { required: true, whitespace: true, message }];
}

/** A form's text field (one line, or `rows` lines), checked against its shared schema or required. */
export function TextField({ name, label, schema, required, invalid, extra, normalize, rows, ...input }: TextFieldProps) {
  return (
    <Form.Item name={name} label={label} extra={extra} normalize={normalize} rules={textRules(schema, required, invalid)}>
      {rows === undefined ? <Input {...input} /> : <Input.TextArea rows={rows} {...input} />}
    </Form.Item>
  );
}

/** A list of short free texts typed as tags (separated by the given characters), with no options to pick from. */
export function TagsInput(props: { placeholder?: string; separators: string[]; value?: string[]; onChange?: (value: string[]) => void }) {
  const { separators, ...rest } = props;
  return <Select {...rest} mode="tags" open={false} suffixIcon={null} tokenSeparators={separators} />;
}

/** The place of a record in its list (0–10000, whole numbers; empty: the server's default). */
export function SortOrderField({ label, disabled, style }: { label: string; disabled?: boolean; style?: CSSProperties }) {
  return (
    <Form.Item name="sortOrder" label={label}>
      <InputNumber min={0} max={10000} precision={0} disabled={disabled} style={style} />
    </Form.Item>
  );
}
