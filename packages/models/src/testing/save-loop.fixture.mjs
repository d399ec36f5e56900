// Test fixture: trains a tiny model, then saves it into argv[2] again and again, printing
// "saved" after each save, until the parent kills the process.
import { generateSequential } from '@seqrec/datasets';
import { toSequences } from '@seqrec/interactions';
import { ImplicitSequenceModel } from '@seqrec/models';

const dir = process.argv[2];
const data = generateSequential({ numUsers: 30, numItems: 200, numInteractions: 900, seed: 1 });
const model = new ImplicitSequenceModel({
  representation: 'lstm',
  nIter: 1,
  embeddingDim: 64,
  backend: 'cpu',
});
await model.fit(toSequences(data, { maxLength: 10 }));
for (;;) {
  await model.save(dir);
  process.stdout.write('saved\n');
}
