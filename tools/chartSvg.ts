// The results chart as a hand-written SVG (horizontal stacked bars: jury part + engagement part), the offline twin of "Biểu đồ kết quả".
import type { ChartBar } from '../src/domain/chart';

const JURY_COLOR = '#1f77b4';
const ENGAGEMENT_COLOR = '#ff7f0e';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "92,80": two decimals with the Vietnamese comma. */
function vi(n: number): string {
  return n.toFixed(2).replace('.', ',');
}

/**
 * An SVG of `bars` (best first, top to bottom) on a 0..`max` axis with grid lines every 10 points,
 * each bar split into its jury part (blue) and engagement part (orange) with the total at its end.
 */
export function resultsChartSvg(bars: ChartBar[], title: string, max = 100): string {
  const labelWidth = 330;
  const plotWidth = 520;
  const barHeight = 26;
  const gap = 10;
  const top = 70;
  const height = top + bars.length * (barHeight + gap) + 50;
  const width = labelWidth + plotWidth + 80;
  const x = (v: number) => Math.round((labelWidth + (Math.max(0, Math.min(v, max)) / max) * plotWidth) * 100) / 100;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif" font-size="13">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`);
  // Legend
  out.push(`<rect x="${labelWidth}" y="36" width="14" height="14" fill="${JURY_COLOR}"/><text x="${labelWidth + 20}" y="48">Điểm BGK quy đổi</text>`);
  out.push(
    `<rect x="${labelWidth + 170}" y="36" width="14" height="14" fill="${ENGAGEMENT_COLOR}"/><text x="${labelWidth + 190}" y="48">Điểm tương tác quy đổi</text>`,
  );
  const bottom = top + bars.length * (barHeight + gap);
  for (let v = 0; v <= max; v += 10) {
    out.push(`<line x1="${x(v)}" y1="${top - 4}" x2="${x(v)}" y2="${bottom}" stroke="#dddddd"/>`);
    out.push(`<text x="${x(v)}" y="${bottom + 16}" text-anchor="middle" fill="#555555">${v}</text>`);
  }
  bars.forEach((b, i) => {
    const y = top + i * (barHeight + gap);
    const mid = y + barHeight / 2 + 4;
    out.push(`<text x="${labelWidth - 8}" y="${mid}" text-anchor="end">${esc(`${i + 1}. ${b.label}`)}</text>`);
    out.push(
      `<rect x="${x(0)}" y="${y}" width="${Math.round((x(b.jury) - x(0)) * 100) / 100}" height="${barHeight}" fill="${JURY_COLOR}"><title>${esc(`Điểm BGK quy đổi: ${vi(b.jury)}`)}</title></rect>`,
    );
    out.push(
      `<rect x="${x(b.jury)}" y="${y}" width="${Math.round((x(b.jury + b.engagement) - x(b.jury)) * 100) / 100}" height="${barHeight}" fill="${ENGAGEMENT_COLOR}"><title>${esc(`Điểm tương tác quy đổi: ${vi(b.engagement)}`)}</title></rect>`,
    );
    out.push(`<text x="${x(b.jury + b.engagement) + 6}" y="${mid}" font-weight="bold">${vi(b.total)}</text>`);
  });
  out.push(`<text x="${labelWidth + plotWidth / 2}" y="${bottom + 36}" text-anchor="middle" fill="#555555">Tổng điểm (thang 100)</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
