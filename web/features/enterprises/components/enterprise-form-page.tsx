import { useState } from 'react';
import { App, Card, Result } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { UpdateEnterpriseRequest } from '../../../../shared/contracts/enterprises';
import { ErrorAlert } from '../../../components/error-alert';
import { ConflictAlert } from '../../../components/form-modal';
import { PageSpinner } from '../../../components/page-spinner';
import { paths } from '../../../config/paths';
import { isVersionConflict } from '../../../lib/errors';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useCreateEnterprise } from '../api/create-enterprise';
import { useEnterprise } from '../api/get-enterprise';
import { useUpdateEnterprise } from '../api/update-enterprise';
import { EnterpriseForm } from './enterprise-form';

/** 新增企业 (admin only; the server refuses others too). */
export function EnterpriseCreatePage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const create = useCreateEnterprise();
  const [serverError, setServerError] = useState<string | null>(null);
  if (me.data?.user.role !== 'admin') return <Result status="403" title={t('common.noAccess')} subTitle={t('error.forbidden')} />;

  const onSubmit = (uscc: string, body: UpdateEnterpriseRequest) => {
    setServerError(null);
    create.mutate(
      { uscc, ...body },
      {
        onSuccess: (firm) => {
          message.success(t('enterprises.saved'));
          void navigate(paths.enterprise.getHref(firm.uscc));
        },
        onError: (err) => setServerError(err.message),
      },
    );
  };
  return (
    <Card title={t('enterprises.form.createTitle')}>
      <EnterpriseForm
        submitting={create.isPending}
        serverError={serverError}
        onSubmit={onSubmit}
        onCancel={() => void navigate(paths.enterprises.getHref())}
      />
    </Card>
  );
}

/** 编辑企业: the admin anywhere, scoped editors inside their scope. */
export function EnterpriseEditPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { uscc = '' } = useParams();
  const enterprise = useEnterprise(uscc);
  const update = useUpdateEnterprise();
  const [serverError, setServerError] = useState<string | null>(null);
  // Someone saved the firm since this form opened it: 刷新 loads it again into a fresh form.
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  if (enterprise.isPending) return <PageSpinner />;
  if (enterprise.error) return <ErrorAlert error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  const firm = enterprise.data;

  const onSubmit = (_uscc: string, body: UpdateEnterpriseRequest) => {
    setServerError(null);
    setConflict(null);
    update.mutate(
      { uscc: firm.uscc, body: { ...body, version: firm.version } },
      {
        onSuccess: () => {
          message.success(t('enterprises.saved'));
          void navigate(paths.enterprise.getHref(firm.uscc));
        },
        onError: (err) => (isVersionConflict(err) ? setConflict(err.message) : setServerError(err.message)),
      },
    );
  };
  const reload = async () => {
    await enterprise.refetch();
    setConflict(null);
    setReloads((n) => n + 1);
  };
  return (
    <Card title={t('enterprises.form.editTitle', { name: firm.name })}>
      {conflict ? <ConflictAlert message={conflict} reloading={enterprise.isFetching} onReload={() => void reload()} /> : null}
      <EnterpriseForm
        key={reloads}
        initial={firm}
        submitting={update.isPending}
        serverError={serverError}
        onSubmit={onSubmit}
        onCancel={() => void navigate(paths.enterprise.getHref(firm.uscc))}
      />
    </Card>
  );
}
