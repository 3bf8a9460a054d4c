import { useState } from 'react';
import { Radio } from 'antd';
import { ImportDialog } from '../../../components/import-dialog';
import { useMe } from '../../../hooks/use-me';
import { useT } from '../../../lib/i18n';
import { useImportProjects } from '../api/import-projects';

type Kind = 'projects' | 'investment';

/**
 * 导入: a file of leads or of monthly investment. 检查 runs a dry run that lists every row error;
 * 导入 writes it (all rows or none) and is offered only after a clean check of the same file.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const upload = useImportProjects();
  const [kind, setKind] = useState<Kind>('projects');
  return (
    <ImportDialog
      title={t('projects.import.title')}
      templateHref={`/api/projects/import/template?kind=${kind}`}
      resetKey={kind}
      choice={
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value === 'investment' ? 'investment' : 'projects')}
          options={[
            { value: 'projects', label: t('projects.import.kindProjects') },
            { value: 'investment', label: t('projects.import.kindInvestment') },
          ]}
        />
      }
      run={(file, dryRun) => upload.mutateAsync({ file, kind, dryRun, csrfToken: me.data?.csrfToken ?? null })}
      pending={upload.isPending}
      progress={upload.progress}
      error={upload.error}
      onClose={onClose}
    />
  );
}
