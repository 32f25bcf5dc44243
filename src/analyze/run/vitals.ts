// Web Vitals per URL: distribution per metric and a rating at the 75th percentile (how Core Web
// Vitals are assessed), total blocking time from long tasks, and the worst samples with their step.
import type { Rating, RunRecord, VitalName, VitalsAnalysis, WebVitalMetric } from '../../types';
import { distribution, percentile } from '../stats/descriptive';
import { stepTitleAt } from './step-at';

/** [good ≤ a, poor > b] — web-vitals' exported thresholds (web.dev/articles/vitals). */
export const VITAL_THRESHOLDS: Record<VitalName, [number, number]> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
};
/** Percentile Core Web Vitals are judged at (web.dev/articles/defining-core-web-vitals-thresholds). */
export const VITALS_ASSESSMENT_PERCENTILE = 75;

export function rate(name: VitalName, value: number): Rating {
  const [good, poor] = VITAL_THRESHOLDS[name];
  return value > poor ? 'poor' : value > good ? 'needs-improvement' : 'good';
}

export function analyzeVitals(run: RunRecord, worstN = 10): VitalsAnalysis | undefined {
  const byUrl = new Map<string, { vitals: Map<VitalName, number[]>; tbt: number[] }>();
  const all: Array<WebVitalMetric & { testId: string }> = [];
  const bucket = (url: string) => {
    let b = byUrl.get(url);
    if (!b) byUrl.set(url, (b = { vitals: new Map(), tbt: [] }));
    return b;
  };
  for (const t of run.tests) {
    for (const r of t.results) {
      for (const v of r.perf?.vitals ?? []) {
        const b = bucket(v.url);
        let list = b.vitals.get(v.name);
        if (!list) b.vitals.set(v.name, (list = []));
        list.push(v.value);
        all.push({ ...v, step: v.step ?? stepTitleAt(r, v.time), testId: t.id });
      }
      for (const lt of r.perf?.longTasks ?? []) bucket(lt.url).tbt.push(lt.totalBlockingTimeMs);
    }
  }
  if (!byUrl.size) return undefined;
  const perUrl = [...byUrl.entries()]
    .map(([url, b]) => {
      const vitals: VitalsAnalysis['perUrl'][number]['vitals'] = {};
      for (const [name, values] of b.vitals) {
        const sorted = [...values].sort((x, y) => x - y);
        vitals[name] = {
          dist: distribution(values),
          rating: rate(name, percentile(sorted, VITALS_ASSESSMENT_PERCENTILE)),
        };
      }
      return { url, vitals, ...(b.tbt.length ? { totalBlockingTimeMs: distribution(b.tbt) } : {}) };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
  const severity = (v: WebVitalMetric) => v.value / VITAL_THRESHOLDS[v.name][0];
  const worst = all
    .filter((v) => v.rating !== 'good')
    .sort((a, b) => severity(b) - severity(a))
    .slice(0, worstN);
  return { perUrl, worst };
}
