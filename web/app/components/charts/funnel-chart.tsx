import { useTranslation } from 'react-i18next';
import type { Locale } from '~/lib/locale';
import { formatNumber, funnelGeometry, type Funnel } from '~/lib/partner-reports';

/**
 * The completion funnel (enrolled → active → completed → certified) as a server-rendered SVG: no script, no chart
 * library. It is one image to assistive technology (role="img" with a title and a description in words), and the
 * same figures sit beside it in a table anyone can open. In Arabic the labels are at the right and bars grow leftwards.
 */
export function FunnelChart({ funnel, lang, id = 'funnel' }: { funnel: Funnel; lang: Locale; id?: string }) {
  const { t } = useTranslation();
  const rtl = lang === 'ar';
  const { width, height, rows } = funnelGeometry(funnel, rtl);
  const label = (step: string) => t(`partners.funnel.steps.${step}`);
  const description = new Intl.ListFormat(lang, { type: 'conjunction' }).format(
    rows.map((row) => t('partners.funnel.part', { step: label(row.step), count: row.value, value: formatNumber(row.value, lang) })),
  );
  return (
    <figure className="chart funnel-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        direction={rtl ? 'rtl' : 'ltr'}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{t('partners.funnel.title')}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map((row, index) => (
          <g key={row.step} className={`funnel-step step-${index}`}>
            <text x={row.label.x} y={row.label.y} dominantBaseline="central" textAnchor="start" className="chart-label">
              {label(row.step)}
            </text>
            {row.bar.width > 0 ? <rect x={row.bar.x} y={row.bar.y} width={row.bar.width} height={row.bar.height} rx={4} className="chart-bar" /> : null}
            <text x={row.valueAt.x} y={row.valueAt.y} dominantBaseline="central" textAnchor="start" className="chart-value">
              {formatNumber(row.value, lang)}
            </text>
          </g>
        ))}
      </svg>
      <details className="chart-data">
        <summary>{t('partners.chartData')}</summary>
        <table>
          <caption className="visually-hidden">{t('partners.funnel.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partners.funnel.step')}</th>
              <th scope="col">{t('partners.funnel.people')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.step}>
                <th scope="row">{label(row.step)}</th>
                <td>{formatNumber(row.value, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
