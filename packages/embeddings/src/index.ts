export { BloomEmbedding, type BloomEmbeddingOptions } from './bloom-embedding.js';
export type { Embedding } from './embedding.js';
export { gatherRows } from './gather-rows.js';
export { scatterRows } from './gather-rows-grad.js';
export { ScaledEmbedding, type ScaledEmbeddingOptions } from './scaled-embedding.js';
export { ZeroEmbedding, type ZeroEmbeddingOptions } from './zero-embedding.js';
