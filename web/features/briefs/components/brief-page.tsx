import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Space, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { BRIEF_EXPORT_FORMATS, type Brief, type BriefSection, type RichText } from '../../../../shared/contracts/briefs';
import { ErrorAlert } from '../../../components/error-alert';
import { ConflictAlert } from '../../../components/form-modal';
import { PageSpinner } from '../../../components/page-spinner';
import { paths } from '../../../config/paths';
import { errorText, isVersionConflict } from '../../../lib/errors';
import { useT } from '../../../lib/i18n';
import { useExportBrief } from '../api/export-brief';
import { useBrief } from '../api/get-brief';
import { useGenerateBrief } from '../api/generate-brief';
import { BriefJobBanner } from './brief-job-banner';
import { useUpdateBrief } from '../api/update-brief';
import { BriefDocument } from './brief-document';
import { BriefTags } from './brief-tags';
import { BriefVersions } from './brief-versions';
import { BriefActions, BriefSteps } from './brief-workflow';

type Drafts = Partial<Record<BriefSection['key'], RichText>>;

/** .docx / .pdf / .xlsx; a refusal (no PDF converter on the server) shows the server's message. */
function Downloads({ brief }: { brief: Brief }) {
  const t = useT();
  const exporting = useExportBrief();
  return (
    <Space wrap>
      {BRIEF_EXPORT_FORMATS.map((format) => (
        <Button
          key={format}
          loading={exporting.isPending && exporting.variables.format === format}
          onClick={() => exporting.mutate({ id: brief.id, format })}
          data-testid={`brief-download-${format}`}
        >
          {t(`briefs.download.${format}`)}
        </Button>
      ))}
    </Space>
  );
}

/** 数据已更新: the month was republished after generation; 重新生成 makes the series' next version and opens it. */
function OutdatedBanner({ brief }: { brief: Brief }) {
  const t = useT();
  const navigate = useNavigate();
  const regenerate = useGenerateBrief();
  // Generating the same month and range again makes the next version of the series.
  const again = {
    period: brief.period,
    kind: brief.kind,
    chainCode: brief.chainCode ?? undefined,
    regionCode: brief.regionCode ?? undefined,
    preliminary: brief.preliminary,
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="brief-outdated"
      title={t('briefs.outdatedBanner')}
      action={
        brief.mayRegenerate ? (
          <Button
            size="small"
            loading={regenerate.isPending}
            onClick={() => regenerate.mutate(again, { onSuccess: (fresh) => void navigate(paths.report.getHref(fresh.id)) })}
            data-testid="brief-regenerate"
          >
            {t('briefs.regenerate')}
          </Button>
        ) : null
      }
    />
  );
}

/**
 * One brief: its workflow (who and when, the caller's actions), downloads, the outdated banner, the
 * versions of its series and the document itself; a draft's narratives are edited in place and saved
 * at the brief's version (a conflict offers 刷新).
 */
export function BriefPage() {
  const t = useT();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const query = useBrief(id);
  const update = useUpdateBrief();
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  if (query.isPending) return <PageSpinner />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const brief = query.data;
  const editing = drafts !== null && brief.mayEdit;

  const save = async () => {
    if (drafts === null) return;
    setConflict(null);
    try {
      await update.mutateAsync({ id: brief.id, body: { narratives: drafts, version: brief.version } });
      setDrafts(null);
      void message.success(t('briefs.saved'));
    } catch (error) {
      if (isVersionConflict(error)) setConflict(errorText(error));
      else void message.error(errorText(error));
    }
  };
  const reload = async () => {
    await query.refetch();
    setConflict(null);
    setDrafts({});
  };

  return (
    <Flex vertical gap={16}>
      <Link to={paths.reports.getHref()}>← {t('nav.reports')}</Link>
      <BriefJobBanner />
      <Card
        title={
          <Space wrap>
            <span data-testid="brief-title">{brief.title}</span>
            <Typography.Text type="secondary">{t('briefs.versionLabel', { n: brief.seriesVersion })}</Typography.Text>
            <BriefTags brief={brief} testId="brief-status" />
          </Space>
        }
        extra={<BriefActions brief={brief} disabled={editing} />}
      >
        <Flex vertical gap={16}>
          <BriefSteps brief={brief} />
          {brief.preliminary ? <Alert type="info" showIcon title={t('briefs.preliminaryBanner')} /> : null}
          {brief.outdated ? <OutdatedBanner brief={brief} /> : null}
          {brief.superseded ? <Alert type="info" showIcon title={t('briefs.supersededBanner')} /> : null}
          <Flex justify="space-between" wrap gap={8}>
            <Downloads brief={brief} />
            {brief.mayEdit ? (
              editing ? (
                <Space>
                  <Button onClick={() => setDrafts(null)}>{t('common.cancel')}</Button>
                  <Button type="primary" loading={update.isPending} onClick={() => void save()} data-testid="brief-save">
                    {t('briefs.save')}
                  </Button>
                </Space>
              ) : (
                <Button onClick={() => setDrafts({})} data-testid="brief-edit">
                  {t('briefs.edit')}
                </Button>
              )
            ) : null}
          </Flex>
          {conflict ? <ConflictAlert message={conflict} reloading={query.isFetching} onReload={() => void reload()} /> : null}
          <BriefVersions brief={brief} />
        </Flex>
      </Card>
      <BriefDocument
        key={`${brief.id}-${brief.version}`}
        brief={brief}
        editing={
          drafts !== null && brief.mayEdit ? { drafts, onChange: (key, value) => setDrafts((was) => ({ ...was, [key]: value })) } : null
        }
      />
    </Flex>
  );
}
