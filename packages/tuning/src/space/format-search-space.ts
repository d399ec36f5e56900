import type { SearchSpace } from './distribution.js';
import type { SearchSpaceConfig } from './parse-search-space.js';

/**
 * Writes a search space in its JSON form, the inverse of {@link parseSearchSpace}: the
 * form to keep in a run's header or a space file.
 *
 * @param space - the space; its parameters keep their order.
 * @example
 * ```ts
 * import { formatSearchSpace, loguniform, parseSearchSpace } from '@seqrec/tuning';
 *
 * const config = formatSearchSpace({ l2: loguniform(-25, -9) });
 * console.assert(JSON.stringify(config) === '{"l2":{"loguniform":[-25,-9]}}');
 * console.assert(parseSearchSpace(config)['l2']?.kind === 'loguniform');
 * ```
 */
export function formatSearchSpace(space: SearchSpace): SearchSpaceConfig {
  const config: Record<string, Record<string, readonly unknown[]>> = {};
  for (const [name, d] of Object.entries(space)) {
    switch (d.kind) {
      case 'choice':
        config[name] = { choice: [...d.options] };
        break;
      case 'quniform':
      case 'qloguniform':
        config[name] = { [d.kind]: [d.low, d.high, d.q] };
        break;
      default:
        config[name] = { [d.kind]: [d.low, d.high] };
    }
  }
  return config;
}
