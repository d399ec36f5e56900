import { PADDING_MODES } from '@seqrec/models';
import { Option } from 'commander';

/** `--padding trim|keep`, the models' padding mode, shared with `seqrec train`. */
export function paddingOption(): Option {
  return new Option(
    '--padding <mode>',
    'trim: skip the columns that are padding in a whole batch; keep: compute every window ' +
      'over its full width, as Spotlight does',
  )
    .choices(PADDING_MODES)
    .default('trim');
}
