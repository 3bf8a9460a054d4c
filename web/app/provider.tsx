import { useEffect, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { meQueryKey } from '../hooks/use-me';
import { ApiError, setUnauthorizedHandler } from '../lib/api-client';
import { onMutationError, setErrorNotifier } from '../lib/errors';
import { I18nProvider, useLocale } from '../lib/i18n';

/** Retries only what a retry can fix: network trouble and server errors, twice. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
  return failureCount < 2;
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      // One error handler for every write: the server's message, in the user's language.
      mutations: { retry: false, onError: onMutationError },
    },
  });
}

const theme = { token: { colorPrimary: '#1656c2', borderRadius: 6 } };

/** Lets `handleError` (outside React) show its messages through antd's themed `message`. */
function ErrorNotifierBridge() {
  const { message } = AntdApp.useApp();
  useEffect(() => {
    setErrorNotifier((text) => void message.error(text));
    return () => setErrorNotifier(null);
  }, [message]);
  return null;
}

function AntdProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
      <AntdApp>
        <ErrorNotifierBridge />
        {children}
      </AntdApp>
    </ConfigProvider>
  );
}

/** Everything the pages need around them: language, antd (in that language), the query cache. */
export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    // The session ended (expired, logged out elsewhere): forgetting the user sends the app to login.
    setUnauthorizedHandler(() => queryClient.setQueryData(meQueryKey, null));
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  return (
    <I18nProvider>
      <AntdProvider>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntdProvider>
    </I18nProvider>
  );
}
