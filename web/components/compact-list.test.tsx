// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { List } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInApp } from '../test/render';
import { CompactListSection } from './compact-list';

afterEach(cleanup);

describe('CompactListSection', () => {
  it('heads its section and lists the items', () => {
    renderInApp(
      <CompactListSection
        title="招商目标企业（2）"
        testId="targets"
        items={['甲电气', '乙电缆']}
        empty="暂无招商目标企业"
        renderItem={(name) => <List.Item>{name}</List.Item>}
      />,
    );
    const section = screen.getByTestId('targets');
    expect(within(section).getByRole('heading', { level: 5 }).textContent).toBe('招商目标企业（2）');
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['甲电气', '乙电缆']);
  });

  it('says what an empty section means', () => {
    renderInApp(<CompactListSection title="问题（0）" testId="problems" items={[]} empty="暂无未办结问题" renderItem={() => null} />);
    const section = screen.getByTestId('problems');
    expect(within(section).getByText('暂无未办结问题')).toBeTruthy();
    expect(within(section).queryAllByRole('listitem')).toHaveLength(0);
  });
});
