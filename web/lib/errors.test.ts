import { afterEach, describe, expect, it, vi } from 'vitest';
import { translate } from '../../shared/i18n/index';
import { ApiError, statusMessageKey } from './api-client';
import { FORM_DIALOG_META, handleError, isVersionConflict, markServerErrors, onMutationError, setErrorNotifier } from './errors';

afterEach(() => setErrorNotifier(null));

describe('handleError', () => {
  it("shows the server's message (already in the user's language)", () => {
    const notify = vi.fn();
    setErrorNotifier(notify);
    handleError(new ApiError(403, 'forbidden', '您没有执行此操作的权限。'));
    expect(notify).toHaveBeenCalledWith('您没有执行此操作的权限。');
  });

  it('stays quiet for a cancelled request and for a mutation that shows its error inline', () => {
    const notify = vi.fn();
    setErrorNotifier(notify);
    handleError(new DOMException('aborted', 'AbortError'));
    onMutationError(new ApiError(401, 'invalid_credentials', '用户名或密码错误'), undefined, undefined, { meta: { inlineError: true } });
    expect(notify).not.toHaveBeenCalled();
    onMutationError(new ApiError(429, 'rate_limited', '尝试次数过多，请稍后再试。'), undefined, undefined, {});
    expect(notify).toHaveBeenCalledWith('尝试次数过多，请稍后再试。');
  });
});

describe('the save of a form dialog (FORM_DIALOG_META)', () => {
  it('leaves a version conflict to the dialog and shows every other error', () => {
    const notify = vi.fn();
    setErrorNotifier(notify);
    const context = { meta: FORM_DIALOG_META };
    onMutationError(new ApiError(409, 'version_conflict', '此记录已被他人修改'), undefined, undefined, context);
    expect(notify).not.toHaveBeenCalled();
    onMutationError(new ApiError(403, 'forbidden', '您没有执行此操作的权限。'), undefined, undefined, context);
    expect(notify).toHaveBeenCalledWith('您没有执行此操作的权限。');
    // Outside a dialog a conflict is shown by the default handler.
    onMutationError(new ApiError(409, 'version_conflict', '此记录已被他人修改'), undefined, undefined, {});
    expect(notify).toHaveBeenLastCalledWith('此记录已被他人修改');
  });
});

describe('an answer without our error body', () => {
  it('gets a clear message of its own for 401, 403, 404, 409, 413 and 429', () => {
    const text = (status: number) => translate('zh-CN', statusMessageKey(status));
    expect(text(401)).toBe('登录已过期，请重新登录。');
    expect(text(403)).toBe('您没有执行此操作的权限。');
    expect(text(404)).toBe('请求的内容不存在。');
    expect(text(409)).toBe('数据已存在或与现有数据冲突。');
    expect(text(413)).toBe('提交的内容过大。');
    expect(text(429)).toBe('尝试次数过多，请稍后再试。');
    expect(text(502)).toBe('服务暂时不可用，请稍后重试。');
  });
});

describe('server field errors', () => {
  it('marks only the named fields of the form, under an alias where the form edits another unit', () => {
    const setFields = vi.fn();
    const error = new ApiError(400, 'validation_failed', '面积无效', [{ path: 'body.areaHectares' }, { path: 'body.other' }]);
    expect(markServerErrors({ setFields }, error, ['name', 'areaHectares'], { areaHectares: 'areaKm2' })).toEqual(['areaHectares']);
    expect(setFields).toHaveBeenCalledWith([{ name: 'areaKm2', errors: ['面积无效'] }]);
    expect(isVersionConflict(new ApiError(409, 'version_conflict', 'x'))).toBe(true);
    expect(isVersionConflict(new ApiError(409, 'conflict', 'x'))).toBe(false);
  });
});
