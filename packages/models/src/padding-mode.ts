/**
 * How {@link ImplicitSequenceModel} treats the left padding of windows: `'trim'` skips the
 * columns that are padding in a whole batch (and batches windows of similar length together);
 * `'keep'` computes every window over its full width, as Spotlight does.
 *
 * @example
 * ```ts
 * import { ImplicitSequenceModel, PADDING_MODES } from '@seqrec/models';
 *
 * console.assert(PADDING_MODES.includes('keep'));
 * const reference = new ImplicitSequenceModel({ representation: 'lstm', padding: 'keep' });
 * console.assert(reference.options.padding === 'keep');
 * ```
 */
export type PaddingMode = 'trim' | 'keep';

/**
 * Every {@link PaddingMode}, for validation and command-line choices.
 *
 * @example
 * ```ts
 * import { PADDING_MODES } from '@seqrec/models';
 *
 * console.assert(PADDING_MODES.join(',') === 'trim,keep');
 * ```
 */
export const PADDING_MODES: readonly PaddingMode[] = ['trim', 'keep'];
