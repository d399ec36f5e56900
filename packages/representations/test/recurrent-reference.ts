// Float64 reference implementations of the recurrent cells, written from the equations
// (PyTorch's LSTM and GRU; Krause et al.'s mLSTM and its reference variant), for the tests
// of the tfjs representations to compare against.
import type * as tf from '@tensorflow/tfjs-core';

/** A vector of plain numbers. */
export type Vector = readonly number[];
/** A matrix, row by row. */
export type Matrix = readonly Vector[];

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** `W x (+ b)` for W [rows, cols], x [cols]. */
function affine(weight: Matrix, x: Vector, bias?: Vector | null): number[] {
  return weight.map((row, r) => row.reduce((s, w, k) => s + w * (x[k] as number), bias?.[r] ?? 0));
}

function plus(...vectors: Vector[]): number[] {
  return (vectors[0] as Vector).map((_, i) => vectors.reduce((s, v) => s + (v[i] as number), 0));
}

function part(v: Vector, index: number, size: number): number[] {
  return v.slice(index * size, (index + 1) * size);
}

/** PyTorch's LSTM weights. */
export interface LstmParams {
  readonly weightIh: Matrix;
  readonly weightHh: Matrix;
  readonly biasIh: Vector;
  readonly biasHh: Vector;
}

/** One LSTM state. */
export interface LstmState {
  readonly h: Vector;
  readonly c: Vector;
}

/** One step of PyTorch's LSTM (gates i, f, g, o), with `hIn` in place of h for the mLSTM. */
export function lstmStep(p: LstmParams, x: Vector, hIn: Vector, c: Vector): LstmState {
  const size = c.length;
  const gates = plus(affine(p.weightIh, x, p.biasIh), affine(p.weightHh, hIn, p.biasHh));
  const i = part(gates, 0, size).map(sigmoid);
  const f = part(gates, 1, size).map(sigmoid);
  const g = part(gates, 2, size).map(Math.tanh);
  const o = part(gates, 3, size).map(sigmoid);
  const cNext = c.map((cj, j) => (f[j] as number) * cj + (i[j] as number) * (g[j] as number));
  return { h: cNext.map((cj, j) => (o[j] as number) * Math.tanh(cj)), c: cNext };
}

/** mLSTM weights; the m-biases are null in the paper variant. */
export interface MlstmParams extends LstmParams {
  readonly weightMx: Matrix;
  readonly weightMh: Matrix;
  readonly biasMx: Vector | null;
  readonly biasMh: Vector | null;
}

/** One mLSTM step: `m = (W_mx x + b_mx) ⊙ (W_mh h + b_mh)`, then the LSTM step with m for h. */
export function mlstmStep(p: MlstmParams, x: Vector, state: LstmState): LstmState {
  const inputFactor = affine(p.weightMx, x, p.biasMx);
  const hiddenFactor = affine(p.weightMh, state.h, p.biasMh);
  const m = inputFactor.map((v, j) => v * (hiddenFactor[j] as number));
  return lstmStep(p, x, m, state.c);
}

/** PyTorch's GRU weights (gates r, z, n). */
export type GruParams = LstmParams;

/** One step of PyTorch's GRU. */
export function gruStep(p: GruParams, x: Vector, h: Vector): number[] {
  const size = h.length;
  const fromInput = affine(p.weightIh, x, p.biasIh);
  const fromHidden = affine(p.weightHh, h, p.biasHh);
  const r = plus(part(fromInput, 0, size), part(fromHidden, 0, size)).map(sigmoid);
  const z = plus(part(fromInput, 1, size), part(fromHidden, 1, size)).map(sigmoid);
  const n = part(fromInput, 2, size).map((v, j) =>
    Math.tanh(v + (r[j] as number) * (fromHidden[2 * size + j] as number)),
  );
  return n.map((nj, j) => (1 - (z[j] as number)) * nj + (z[j] as number) * (h[j] as number));
}

/**
 * Runs a recurrence over one row of input vectors and returns what `encode` should give.
 * With `leadingZeroStep` (Spotlight's framing) a zero input comes first and the states are
 * the outputs of steps 0 … L-1; without it the states are the initial output, then the
 * outputs after items 0 … L-2. `final` is the output after the last item.
 */
export function runRecurrence<S>(
  xs: readonly Vector[],
  initial: S,
  step: (x: Vector, state: S) => S,
  output: (state: S) => Vector,
  leadingZeroStep: boolean,
): { states: Vector[]; final: Vector } {
  const inputs = leadingZeroStep ? [xs[0]?.map(() => 0) ?? [], ...xs] : xs;
  const outputs: Vector[] = leadingZeroStep ? [] : [output(initial)];
  let state = initial;
  for (const x of inputs) {
    state = step(x, state);
    outputs.push(output(state));
  }
  return { states: outputs.slice(0, xs.length), final: outputs[xs.length] as Vector };
}

/** A variable's values as nested arrays. */
export function valuesOf(variable: tf.Variable): number[][] {
  return variable.arraySync() as number[][];
}

/** A rank-1 variable's values. */
export function vectorOf(variable: tf.Variable): number[] {
  return variable.arraySync() as number[];
}

/** Largest absolute difference between nested number arrays of the same shape. */
export function maxDifference(a: unknown, b: unknown): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return Infinity;
    return a.reduce((m: number, v, i) => Math.max(m, maxDifference(v, b[i])), 0);
  }
  return Math.abs((a as number) - (b as number));
}
