// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../../test/render';
import { NarrativeEditor } from './narrative-editor';

afterEach(cleanup);

describe('the narrative editor', () => {
  it('holds the narrative under the section name, with the 手填 mark among its tools', () => {
    renderInApp(
      <NarrativeEditor
        value={[
          { kind: 'paragraph', runs: [{ text: '原有重点' }] },
          { kind: 'bullet', runs: [{ text: '新开工' }, { text: '3', manualFigure: true }, { text: '个项目' }] },
        ]}
        onChange={vi.fn()}
        label="八、下月工作重点（可编辑）"
        testId="editor"
      />,
    );
    const editor = screen.getByRole('textbox', { name: '八、下月工作重点（可编辑）' });
    expect(editor.querySelector('p')?.textContent).toBe('原有重点');
    expect(editor.querySelector('ul li [data-manual-figure]')?.textContent).toBe('3');
    const tools = screen.getByTestId('editor');
    expect(within(tools).getByRole('button', { name: '标记为手填数字' })).toBeTruthy();
  });
});
