// Test fixture: loads the model saved in folder argv[2] in a fresh process that has not
// imported @seqrec/example-plugin, and prints the outcome. It runs on the packages' build.
import { ImplicitSequenceModel } from '@seqrec/models';

try {
  await ImplicitSequenceModel.load(process.argv[2], { backend: 'cpu' });
  process.stdout.write('loaded\n');
} catch (error) {
  process.stdout.write(`${error instanceof Error ? error.message : String(error)}\n`);
}
