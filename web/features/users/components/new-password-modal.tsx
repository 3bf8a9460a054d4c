import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useT } from '../../../lib/i18n';

/** Shows a generated password once, with a copy button; closing it forgets the password. */
export function NewPasswordModal({ username, password, onClose }: { username: string; password: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const copy = async () => {
    await navigator.clipboard.writeText(password);
    message.success(t('users.copied'));
  };
  return (
    <Modal
      open
      title={t('users.newPasswordTitle', { username })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.confirm')}</Button>}
      data-testid="new-password"
    >
      <Alert type="warning" showIcon title={t('users.newPasswordNote')} style={{ marginBottom: 16 }} />
      <Space>
        <Typography.Text code copyable={false} style={{ fontSize: 18 }} data-testid="new-password-value">
          {password}
        </Typography.Text>
        <Button onClick={() => void copy()}>{t('users.copy')}</Button>
      </Space>
    </Modal>
  );
}
