import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { AppProvider } from '../app/provider';

/**
 * Renders a piece of UI inside the real app providers (zh-CN, antd's App, the QueryClient with the
 * default mutation error handler), as the app does.
 */
export function renderInApp(ui: ReactElement) {
  return render(<AppProvider>{ui}</AppProvider>);
}
