import { useTranslation } from 'react-i18next';
import type { Locale } from '~/lib/locale';
import { attendanceGeometry, formatDay, formatNumber, formatPercent, type AttendancePoint } from '~/lib/partner-reports';

/**
 * Attendance over time as a server-rendered SVG: a column per period as tall as the share of sessions attended,
 * a line through their tops, the rate axis at the inline start. Time runs right to left in Arabic. One image to
 * assistive technology (title + description in words), with the figures in a table beside it.
 */
export function AttendanceChart({ points, lang, id = 'attendance-chart' }: { points: AttendancePoint[]; lang: Locale; id?: string }) {
  const { t } = useTranslation();
  const rtl = lang === 'ar';
  const { width, height, columns, grid, line, baseline } = attendanceGeometry(points, rtl);
  const withRate = points.filter((point) => point.rate !== null);
  const first = withRate[0];
  const last = withRate[withRate.length - 1];
  const description =
    first && last
      ? t('partners.attendance.desc', {
          count: points.length,
          periods: formatNumber(points.length, lang),
          from: formatDay(first.date, lang, 'long'),
          fromRate: formatPercent(first.rate, lang),
          to: formatDay(last.date, lang, 'long'),
          toRate: formatPercent(last.rate, lang),
        })
      : t('partners.attendance.none');
  return (
    <figure className="chart attendance-chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} direction={rtl ? 'rtl' : 'ltr'}>
        <title id={`${id}-title`}>{t('partners.attendance.title')}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {grid.map((rule) => (
          <g key={rule.rate} className="chart-grid">
            <line x1={rule.x1} x2={rule.x2} y1={rule.y} y2={rule.y} />
            <text x={rule.label.x} y={rule.label.y} textAnchor="start" className="chart-axis">
              {formatPercent(rule.rate, lang)}
            </text>
          </g>
        ))}
        {columns.map((column) =>
          column.bar ? <rect key={column.date} x={column.bar.x} y={column.bar.y} width={column.bar.width} height={column.bar.height} className="chart-column" /> : null,
        )}
        {line ? <polyline points={line} className="chart-line" /> : null}
        {columns.map((column) =>
          column.top !== null ? <circle key={column.date} cx={column.centre} cy={column.top} r={3.5} className="chart-dot" /> : null,
        )}
        <line x1={grid[0]?.x1} x2={grid[0]?.x2} y1={baseline} y2={baseline} className="chart-baseline" />
        {columns.map((column) =>
          column.tick ? (
            <text key={column.date} x={column.tick.x} y={column.tick.y} textAnchor="middle" className="chart-axis">
              {formatDay(column.date, lang, 'short')}
            </text>
          ) : null,
        )}
      </svg>
      <details className="chart-data">
        <summary>{t('partners.chartData')}</summary>
        <table>
          <caption className="visually-hidden">{t('partners.attendance.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partners.attendance.period')}</th>
              <th scope="col">{t('partners.attendance.held')}</th>
              <th scope="col">{t('partners.attendance.attended')}</th>
              <th scope="col">{t('partners.attendance.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.date}>
                <th scope="row">{formatDay(point.date, lang, 'long')}</th>
                <td>{formatNumber(point.held, lang)}</td>
                <td>{formatNumber(point.attended, lang)}</td>
                <td>{formatPercent(point.rate, lang) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
