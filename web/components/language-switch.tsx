import { Segmented } from 'antd';
import { LOCALES, type Locale } from '../../shared/i18n/index';
import { useLocale, useT } from '../lib/i18n';

function toLocale(value: string): Locale | undefined {
  return LOCALES.find((locale) => locale === value);
}

/** 中文 / English switch; the choice is kept in this browser. */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  return (
    <Segmented
      data-testid="lang-switch"
      aria-label={t('lang.switch')}
      size="small"
      value={locale}
      options={LOCALES.map((value) => ({ value, label: t(`lang.${value}`) }))}
      onChange={(value) => {
        const next = toLocale(String(value));
        if (next) setLocale(next);
      }}
    />
  );
}
