/**
 * Float32Arrays kept for reuse between training steps, by length.
 *
 * A forward pass keeps its trace (gate activations and states of every step, about 60 MB at
 * batch 256, 101 steps, H 64) until its backward pass; fresh arrays of that size cost more
 * to fault in than the layer's arithmetic takes (20 ms against 46 ms, measured), so the
 * backward pass hands them back here and the next forward pass takes them again. Only
 * arrays that no tensor holds go back: the cpu backend keeps the arrays it is given.
 *
 * @internal
 */
export class BufferPool {
  readonly #free = new Map<number, Float32Array[]>();
  #bytes = 0;

  /** @param maxBytes - Bytes kept at most; arrays beyond are left to the garbage collector. */
  constructor(readonly maxBytes: number) {}

  /** An array of `length` floats with unspecified contents. */
  take(length: number): Float32Array {
    const reused = this.#free.get(length)?.pop();
    if (reused === undefined) return new Float32Array(length);
    this.#bytes -= reused.byteLength;
    return reused;
  }

  /** Gives arrays back; the caller must not use them again. */
  give(...arrays: Float32Array[]): void {
    for (const array of arrays) {
      if (array.byteLength > this.maxBytes) continue;
      // Lengths change with the batch's window length; when full, the old ones make room.
      if (this.#bytes + array.byteLength > this.maxBytes) this.clear();
      const list = this.#free.get(array.length);
      if (list === undefined) this.#free.set(array.length, [array]);
      else list.push(array);
      this.#bytes += array.byteLength;
    }
  }

  /** Drops every array kept. */
  clear(): void {
    this.#free.clear();
    this.#bytes = 0;
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.#bytes;
  }
}
