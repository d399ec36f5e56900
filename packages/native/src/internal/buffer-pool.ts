/**
 * Float32Arrays kept for reuse between training steps.
 *
 * A forward pass keeps its trace (gate activations and states of every step, about 60 MB at
 * batch 256, 101 steps, H 64) until its backward pass; fresh arrays of that size cost more
 * to fault in than the layer's arithmetic takes (20 ms against 46 ms, measured), so the
 * backward pass hands them back here and the next forward pass takes them again.
 *
 * Batches differ in width (windows are batched by length and all-padding columns dropped),
 * so requests differ in length: {@link take} answers with a view of the smallest free buffer
 * that is long enough, and buffers are allocated a little longer than asked (the next of four
 * steps per power of two), so that one buffer serves many nearby lengths.
 *
 * @internal
 */
export class BufferPool {
  readonly #free: Float32Array[] = [];
  readonly #bases = new WeakMap<Float32Array, Float32Array>();
  #bytes = 0;

  /** @param maxBytes - Bytes kept at most; arrays beyond are left to the garbage collector. */
  constructor(readonly maxBytes: number) {}

  /** An array of exactly `length` floats with unspecified contents. */
  take(length: number): Float32Array {
    let best = -1;
    for (let i = 0; i < this.#free.length; i++) {
      const capacity = (this.#free[i] as Float32Array).length;
      if (capacity >= length && (best < 0 || capacity < (this.#free[best] as Float32Array).length))
        best = i;
    }
    let base: Float32Array;
    if (best >= 0) {
      base = this.#free.splice(best, 1)[0] as Float32Array;
      this.#bytes -= base.byteLength;
    } else {
      base = new Float32Array(roundUp(length));
    }
    const view = base.length === length ? base : base.subarray(0, length);
    this.#bases.set(view, base);
    return view;
  }

  /** Gives arrays from {@link take} back; the caller must not use them again. */
  give(...arrays: Float32Array[]): void {
    for (const array of arrays) {
      const base = this.#bases.get(array) ?? array;
      this.#bases.delete(array);
      if (base.byteLength > this.maxBytes) continue;
      // When full, the smallest buffers make room: the large ones are the costly ones to fault
      // in again. (Sorted only then: giving back is on every training step.)
      if (this.#bytes + base.byteLength > this.maxBytes) {
        this.#free.sort((a, b) => a.length - b.length);
        while (this.#bytes + base.byteLength > this.maxBytes && this.#free.length > 0) {
          this.#bytes -= (this.#free.shift() as Float32Array).byteLength;
        }
      }
      this.#free.push(base);
      this.#bytes += base.byteLength;
    }
  }

  /** Drops every array kept. */
  clear(): void {
    this.#free.length = 0;
    this.#bytes = 0;
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.#bytes;
  }
}

/** The next of 2^k, 1.25 · 2^k, 1.5 · 2^k, 1.75 · 2^k at or above `length` (at least 1). */
function roundUp(length: number): number {
  if (length <= 4) return Math.max(1, length);
  const power = 2 ** Math.floor(Math.log2(length));
  const step = power / 4;
  return Math.ceil(length / step) * step;
}
