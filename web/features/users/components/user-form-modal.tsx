import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { createUserRequest, type UserItem } from '../../../../shared/contracts/users';
import { ROLE_SCOPE_KIND, ROLES, type Role } from '../../../../shared/roles';
import { FormModal, pickFields, reloadValues, type RecordFormProps } from '../../../components/form-modal';
import { rulesFrom } from '../../../lib/form-rules';
import { useT } from '../../../lib/i18n';
import { useCreateUser } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';
import { ScopePicker } from './scope-picker';

type FormValues = { username: string; displayName: string; role: Role; password: string; scopes: string[]; statsReviewer: boolean };

const FIELDS = ['username', 'displayName', 'role', 'password', 'scopes', 'statsReviewer'] as const;
const shape = createUserRequest.shape;

function valuesOf(user: UserItem): Partial<FormValues> {
  return { ...pickFields(user, ['username', 'displayName', 'role', 'statsReviewer']), scopes: user.scopes.map((s) => s.ref) };
}

/**
 * Create or edit an account (admin): the role decides which scope it needs (chains, parks, regions, one
 * firm or a department), picked by name; the initial password only when creating.
 */
export function UserFormModal({ record: user, onReload, onClose }: RecordFormProps<UserItem>) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const role = Form.useWatch('role', form) ?? user?.role;
  const username = Form.useWatch('username', form);
  const scopeKind = role ? ROLE_SCOPE_KIND[role] : null;
  const create = useCreateUser();
  const update = useUpdateUser();

  const onSubmit = async (values: FormValues) => {
    const kind = ROLE_SCOPE_KIND[values.role];
    const scopes = kind === null ? [] : (values.scopes ?? []).map((ref) => ({ kind, ref }));
    const statsReviewer = values.role === 'leader' && values.statsReviewer === true;
    if (user) {
      await update.mutateAsync({
        id: user.id,
        body: { displayName: values.displayName, role: values.role, scopes, statsReviewer, version: user.version },
      });
    } else {
      await create.mutateAsync({ ...values, scopes, statsReviewer });
    }
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      okText={t('users.save')}
      initialValues={user ? valuesOf(user) : { scopes: [], statsReviewer: false }}
      onSubmit={onSubmit}
      savedMessage={t(user ? 'users.saved' : 'users.createdDone', { username: user?.username ?? username ?? '' })}
      onClose={onClose}
      serverFields={FIELDS}
      onReload={reloadValues(onReload, valuesOf)}
      width={560}
      testId="user-form"
    >
      <Form.Item name="username" label={t('users.username')} rules={rulesFrom(shape.username, { required: t('users.username') })}>
        <Input maxLength={64} disabled={user !== null} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={rulesFrom(shape.displayName, { required: t('users.displayName') })}
      >
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.role') }]}>
        <Select
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          onChange={() => form.setFieldsValue({ scopes: [], statsReviewer: false })}
          data-testid="user-role"
        />
      </Form.Item>
      {scopeKind === null ? (
        role ? (
          <Typography.Paragraph type="secondary">{t('users.scopeAll')}</Typography.Paragraph>
        ) : null
      ) : (
        <Form.Item
          name="scopes"
          label={t('users.scopeOf', { kind: t(`scope.${scopeKind}`) })}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.scopeOf', { kind: t(`scope.${scopeKind}`) }) }]}
        >
          <ScopePicker key={scopeKind} kind={scopeKind} known={user?.scopes ?? []} />
        </Form.Item>
      )}
      {role === 'leader' ? (
        <Form.Item name="statsReviewer" valuePropName="checked" extra={t('users.statsReviewerHelp')}>
          <Checkbox>{t('users.statsReviewer')}</Checkbox>
        </Form.Item>
      ) : null}
      {user ? null : (
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHelp')}
          rules={rulesFrom(shape.password, { required: t('users.password'), invalid: t('users.passwordHelp') })}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
      )}
    </FormModal>
  );
}
