import { basename } from 'node:path';

import { scientific } from '../experiment/trial-summary.js';
import { metric } from '../internal/format.js';
import type { CompareReport } from './compare-report.js';

/**
 * The comparison tables in Markdown: the study's table (dataset, model, validation and test
 * MRR, gain, hyperparameters of the best trial), then HR@10 and NDCG@10 and trial counts.
 */
export function renderTables(report: CompareReport): string {
  const first = report.models[0]?.model ?? '';
  const main = markdownTable(
    [
      'dataset',
      'model',
      'validation MRR',
      'test MRR',
      `gain over ${first}`,
      'learning rate',
      'batch size',
      'dim',
      'l2',
      'epochs',
    ],
    report.models.map((m, i) => {
      const b = m.best;
      if (b === null) return [report.dataset, m.model, '–', '–', '–', '–', '–', '–', '–', '–'];
      return [
        report.dataset,
        m.model,
        metric(b.validation_mrr),
        metric(b.test_mrr),
        i === 0 || m.gain === null ? '–' : percent(m.gain),
        scientific(b.learning_rate),
        String(b.batch_size),
        String(b.embedding_dim),
        scientific(b.l2),
        String(b.epochs),
      ];
    }),
  );
  const more = markdownTable(
    ['model', 'trials', 'failed', 'best trial', 'test HR@10', 'test NDCG@10', 'seconds'],
    report.models.map((m) => {
      const b = m.best;
      return [
        m.model,
        String(m.trials),
        String(m.failed),
        b === null ? '–' : String(b.index + 1),
        b === null ? '–' : metric(b['test_hr@10']),
        b === null ? '–' : metric(b['test_ndcg@10']),
        b === null ? '–' : b.seconds.toFixed(1),
      ];
    }),
  );
  return `${main}\n\n${more}`;
}

/** report.md: the tables, the protocol, the charts and the search space. */
export function renderMarkdown(report: CompareReport): string {
  const p = report.protocol;
  const windows = p['windows'] as Record<string, number>;
  const lines = [
    `# ${report.models.map((m) => m.model).join(' vs ')} on ${report.dataset}`,
    '',
    ...(report.interrupted
      ? ['**Interrupted**: this report covers the trials finished before the run was stopped.', '']
      : []),
    `Users split 80/10/10 by a seeded hash (seed ${String(p['seed'])}); windows of ` +
      `${String(windows['max_length'])} items, at least ${String(windows['min_length'])}, ` +
      `step ${String(windows['step'])}. ${String(p['loss'])} loss with ` +
      `${String(p['num_negative_samples'])} negatives. Up to ${String(p['trials_per_model'])} ` +
      `trials per model (${String(p['sampler'])} sampler) chose the hyperparameters by ` +
      'validation MRR; test MRR, HR@10 and NDCG@10 are those of the best trial. Every metric ' +
      'excludes the items preceding the target; gain is the relative change of test MRR over ' +
      'the first model.',
    '',
    renderTables(report),
    '',
    `![Best validation MRR so far against trial number](${report.charts.best_so_far})`,
    '',
    '## The best trial of each model, per epoch',
    '',
  ];
  for (const m of report.models) {
    const chart = report.charts.epochs[m.model];
    if (chart === undefined || m.best === null) continue;
    lines.push(
      `### ${m.model}, trial ${String(m.best.index + 1)}`,
      '',
      `![${m.model}: training loss and validation MRR per epoch](${chart})`,
      '',
    );
  }
  lines.push(
    '## Search space',
    '',
    '```json',
    JSON.stringify(report.space, null, 2),
    '```',
    '',
    `Trial files: ${report.models.map((m) => `\`${basename(m.trials_file)}\``).join(', ')}.`,
    '',
  );
  return lines.join('\n');
}

/** 0.123 → '+12.3 %'. */
function percent(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
}

/** A Markdown table with columns padded to their widest cell, readable as plain text too. */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}
