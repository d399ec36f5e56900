import type { TopLevelSpec } from 'vega-lite';

/** One point of the best-so-far chart. */
export interface BestSoFarPoint {
  readonly model: string;
  /** Trial number, from 1. */
  readonly trial: number;
  /** Highest validation MRR among trials 1…trial. */
  readonly best: number;
}

/** One epoch of a best trial. */
export interface EpochPoint {
  readonly epoch: number;
  readonly loss: number;
  readonly validation_mrr: number;
}

/** Best-so-far validation MRR against trial number, one line per model. */
export function bestSoFarChart(points: readonly BestSoFarPoint[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Best validation MRR so far',
    width: 480,
    height: 280,
    data: { values: points.map((p) => ({ ...p })) },
    mark: { type: 'line', point: true, interpolate: 'step-after' },
    encoding: {
      x: { field: 'trial', type: 'quantitative', title: 'trial', axis: { tickMinStep: 1 } },
      y: {
        field: 'best',
        type: 'quantitative',
        title: 'validation MRR',
        scale: { zero: false },
      },
      color: { field: 'model', type: 'nominal', title: 'model' },
    },
  };
}

/** Training loss and validation MRR per epoch of one trial, one panel each. */
export function epochChart(title: string, epochs: readonly EpochPoint[]): TopLevelSpec {
  const values = epochs.flatMap((e) => [
    { epoch: e.epoch, measure: 'training loss', value: e.loss },
    { epoch: e.epoch, measure: 'validation MRR', value: e.validation_mrr },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    data: { values },
    facet: { row: { field: 'measure', type: 'nominal', title: null } },
    spec: {
      width: 480,
      height: 160,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'epoch', type: 'quantitative', title: 'epoch', axis: { tickMinStep: 1 } },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

/**
 * Renders a Vega-Lite spec to SVG text in Node, with no browser and no canvas: Vega's
 * headless view with `renderer: 'none'`. Both libraries load on first use only.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
