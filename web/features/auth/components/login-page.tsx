import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useSearchParams } from 'react-router';
import type { LoginRequest } from '../../../../shared/contracts/auth';
import { LanguageSwitch } from '../../../components/language-switch';
import { safeRedirectTarget } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useLogin } from '../api/login';

/** The login form; after logging in the user lands on the page they first asked for. */
export function LoginPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  const target = safeRedirectTarget(searchParams.get('redirectTo'));
  const me = useMe();
  const loginMutation = useLogin();

  if (me.data) return <Navigate to={target} replace />;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="login-title">
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        <Form<LoginRequest>
          layout="vertical"
          requiredMark={false}
          disabled={loginMutation.isPending}
          onFinish={(values) => loginMutation.mutate(values)}
          onValuesChange={() => {
            if (loginMutation.isError) loginMutation.reset();
          }}
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {loginMutation.error ? (
            <Form.Item>
              <Alert type="error" showIcon title={loginMutation.error.message} data-testid="login-error" />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block loading={loginMutation.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
