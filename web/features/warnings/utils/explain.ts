import type { WarningItem, WarningSettings } from '../../../../shared/contracts/warnings';
import type { Locale } from '../../../../shared/i18n/index';
import { formatGrowth, formatNumber, formatWan } from '../../../lib/format';
import type { Translate } from '../../../lib/i18n';

const wan = (yuan: number, locale: Locale) => formatWan(yuan, locale);

/** Why a firm is on the list, in words with its figures (amounts in 万元). */
export function explainWarning(item: WarningItem, settings: WarningSettings, t: Translate, locale: Locale): string {
  if (item.drop) {
    return item.drop.months
      .map((m) =>
        t('warnings.explain.dropMonth', {
          label: m.label,
          output: wan(m.output, locale),
          base: wan(m.outputPrevYear, locale),
          yoy: formatGrowth(m.yoy, locale),
        }),
      )
      .join(locale === 'en' ? '; ' : '；');
  }
  if (item.notReported) return t('warnings.explain.notReported', { dueDate: item.notReported.dueDate });
  if (item.belowScale) {
    return t('warnings.explain.belowScale', {
      months: item.belowScale.months,
      revenue: wan(item.belowScale.revenueYtd, locale),
      annual: wan(item.belowScale.annualisedRevenue, locale),
      line: wan(settings.belowScaleRevenue, locale),
    });
  }
  if (item.unitSlip) {
    return t('warnings.explain.unitSlip', {
      output: wan(item.unitSlip.output, locale),
      median: wan(item.unitSlip.median, locale),
      months: item.unitSlip.medianMonths,
      ratio: formatNumber(item.unitSlip.ratio, locale, 1),
    });
  }
  return '';
}
