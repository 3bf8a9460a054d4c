import { Input } from 'antd';
import { useNavigate } from 'react-router';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';

/** Opens one enterprise's monthly figures by its 统一社会信用代码. */
export function FirmLookup() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Input.Search
      data-testid="figures-lookup"
      placeholder={t('figures.lookup.placeholder')}
      enterButton={t('figures.lookup.open')}
      maxLength={18}
      style={{ maxWidth: 420 }}
      onSearch={(value) => {
        const uscc = value.trim().toUpperCase();
        if (uscc.length === 18) void navigate(paths.figuresOfEnterprise.getHref(uscc));
      }}
    />
  );
}
