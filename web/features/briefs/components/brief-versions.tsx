import { List, Tag } from 'antd';
import { Link } from 'react-router';
import type { Brief } from '../../../../shared/contracts/briefs';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useBriefVersions } from '../api/get-brief-versions';
import { StatusTag } from './brief-tags';

/** Every version of the brief's series (same month and range), newest first; the open one is not a link. */
export function BriefVersions({ brief }: { brief: Brief }) {
  const t = useT();
  const versions = useBriefVersions(brief.id).data?.items ?? [];
  if (versions.length < 2) return null;
  return (
    <List
      size="small"
      header={t('briefs.versions')}
      data-testid="brief-versions"
      dataSource={versions}
      renderItem={(v) => {
        const label = t('briefs.versionLabel', { n: v.seriesVersion });
        return (
          <List.Item>
            {v.id === brief.id ? <strong>{label}</strong> : <Link to={paths.report.getHref(v.id)}>{label}</Link>}
            <span>
              <StatusTag status={v.status} /> {v.generatedBy ? formatDateTime(v.generatedBy.at) : null}
              {v.outdated ? <Tag color="warning">{t('briefs.outdated')}</Tag> : null}
            </span>
          </List.Item>
        );
      }}
    />
  );
}
