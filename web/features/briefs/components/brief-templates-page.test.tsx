import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { templateKeysOf } from './brief-templates-page';

describe('the template a refusal names', () => {
  it('is read from the paths of the details (a template, or the name of the city)', () => {
    const error = new ApiError(422, 'validation_failed', '模板“开头”使用了未知的占位符 {foo}', [{ path: 'body.texts.opening' }]);
    expect(templateKeysOf(error)).toEqual(['opening']);
    expect(templateKeysOf(new ApiError(400, 'validation_failed', '过长', [{ path: 'body.cityName' }]))).toEqual(['cityName']);
  });

  it('is none for an error naming no template, or not from the server', () => {
    expect(templateKeysOf(new ApiError(409, 'version_conflict', '已被他人修改', undefined))).toEqual([]);
    expect(templateKeysOf(new Error('network'))).toEqual([]);
  });
});
