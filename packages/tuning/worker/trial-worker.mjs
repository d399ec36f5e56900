// The entry of a @seqrec/tuning worker process: loads the user's trial module once, then
// answers one trial per message from runSearch. Plain JavaScript so that Node can fork it as
// is, both from the package's TypeScript sources (tests) and from its build.
import { pathToFileURL } from 'node:url';

/** @type {Promise<(params: unknown, index: number, data: unknown, report: (progress: unknown) => void) => Promise<unknown>>} */
let evaluateTrial = Promise.reject(new Error('no init message received'));
evaluateTrial.catch(() => {});
let workerData;

process.on('message', (message) => {
  if (message.type === 'init') {
    workerData = message.data;
    evaluateTrial = load(message.module);
    evaluateTrial.catch(() => {});
  } else if (message.type === 'trial') {
    void runTrial(message.index, message.params);
  }
});

// The parent is gone (finished, killed or crashed): nothing left to answer.
process.on('disconnect', () => process.exit(0));

async function load(module) {
  const url = module.startsWith('file:') ? module : pathToFileURL(module).href;
  const exports = await import(url);
  if (typeof exports.evaluateTrial !== 'function') {
    throw new TypeError(`${module} must export a function evaluateTrial`);
  }
  return exports.evaluateTrial;
}

async function runTrial(index, params) {
  let evaluate;
  try {
    evaluate = await evaluateTrial;
  } catch (error) {
    reply({ type: 'fatal', index, message: messageOf(error) });
    return;
  }
  try {
    // Progress reports are best effort: a closed channel must not fail the trial.
    const report = (progress) => {
      try {
        process.send({ type: 'progress', index, progress });
      } catch {
        // The parent is gone; the trial's result will not be read either.
      }
    };
    const outcome = await evaluate(params, index, workerData, report);
    reply({ type: 'result', index, outcome });
  } catch (error) {
    reply({ type: 'error', index, message: messageOf(error) });
  }
}

function reply(message) {
  try {
    process.send(message);
  } catch (error) {
    process.send({ type: 'error', index: message.index, message: messageOf(error) });
  }
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
