import { join } from 'node:path';

import type { TrialRecord } from '@seqrec/tuning';

import { fileSafe } from '../experiment/experiment-options.js';
import type { ExperimentPlan } from '../experiment/run-experiment.js';
import { buildCompareReport, type CompareReport } from './compare-report.js';
import { bestSoFarChart, epochChart, renderSvg } from './report-charts.js';
import { renderMarkdown } from './render-report.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** The files a report consists of, as absolute paths. */
export interface WrittenReport {
  readonly report: CompareReport;
  readonly markdown: string;
  readonly json: string;
  readonly charts: readonly string[];
}

/**
 * Writes `<out>/report.md`, `<out>/report.json` and the SVG charts they reference, each
 * through a temporary file and a rename. The charts are written first, so a report never
 * names a chart that is missing.
 */
export async function writeCompareReport(
  out: string,
  dataset: string,
  runs: readonly { readonly plan: ExperimentPlan; readonly records: readonly TrialRecord[] }[],
  interrupted: boolean,
): Promise<WrittenReport> {
  const epochs: Record<string, string> = {};
  for (const { plan } of runs)
    epochs[plan.setup.model] = `epochs-${fileSafe(plan.setup.model)}.svg`;
  const report = buildCompareReport(
    dataset,
    runs,
    { best_so_far: 'best-so-far.svg', epochs },
    interrupted,
  );

  const charts: string[] = [];
  const points = report.models.flatMap((m) =>
    m.best_so_far.flatMap((best, i) =>
      best === null ? [] : [{ model: m.model, trial: i + 1, best }],
    ),
  );
  charts.push(await writeChart(out, report.charts.best_so_far, bestSoFarChart(points)));
  for (const m of report.models) {
    const file = epochs[m.model];
    if (m.best === null || file === undefined) continue;
    const title = `${m.model}, trial ${String(m.best.index + 1)}: training loss and validation MRR`;
    charts.push(await writeChart(out, file, epochChart(title, m.best_epochs)));
  }

  const json = join(out, 'report.json');
  const markdown = join(out, 'report.md');
  writeFileAtomic(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileAtomic(markdown, renderMarkdown(report));
  return { report, markdown, json, charts };
}

async function writeChart(
  out: string,
  file: string,
  spec: Parameters<typeof renderSvg>[0],
): Promise<string> {
  const path = join(out, file);
  writeFileAtomic(path, await renderSvg(spec));
  return path;
}
