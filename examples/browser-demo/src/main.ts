/// <reference lib="dom" />
// The page's script: loads a saved model on the wasm backend, then recommends for the
// history typed into the form. Nothing is computed on a server.
import { ImplicitSequenceModel, type ModelManifest } from '@seqrec/models';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

import { parseHistory } from './parse-history.js';

const TOP_K = 10;
const WEIGHTS_FILE = /^weights-[0-9a-f]+\.bin$/;

// The build copies the backend's .wasm files next to this script.
setWasmPaths(new URL('./', import.meta.url).href);

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`browser-demo: the page must have an element #${id}.`);
  return found as T;
}

const view = {
  status: byId<HTMLParagraphElement>('model-status'),
  form: byId<HTMLFormElement>('history-form'),
  history: byId<HTMLInputElement>('history'),
  submit: byId<HTMLButtonElement>('recommend'),
  error: byId<HTMLParagraphElement>('error'),
  note: byId<HTMLParagraphElement>('note'),
  list: byId<HTMLOListElement>('recommendations'),
};

/** The folder of the saved model: `?model=<url>`, else `./model/`; it ends in a slash. */
function modelFolder(): URL {
  const given = new URLSearchParams(location.search).get('model') ?? './model/';
  return new URL(given.endsWith('/') ? given : `${given}/`, document.baseURI);
}

async function fetchOk(url: URL): Promise<Response> {
  const response = await fetch(url).catch((error: unknown) => {
    throw new Error(`could not fetch ${url.href}`, { cause: error });
  });
  if (!response.ok) {
    throw new Error(`${url.href} answered ${String(response.status)} ${response.statusText}`);
  }
  return response;
}

async function loadModel(
  folder: URL,
): Promise<{ model: ImplicitSequenceModel; manifest: ModelManifest }> {
  const manifestUrl = new URL('manifest.json', folder);
  const manifest = (await (await fetchOk(manifestUrl)).json()) as ModelManifest;
  const file: unknown = (manifest as { weights?: { file?: unknown } }).weights?.file;
  if (typeof file !== 'string' || !WEIGHTS_FILE.test(file)) {
    throw new Error(`${manifestUrl.href} must name its weights file ("weights-<hex>.bin")`);
  }
  const weights = await (await fetchOk(new URL(file, folder))).arrayBuffer();
  const model = await ImplicitSequenceModel.fromArtifacts(
    { manifest, weights },
    { backend: 'wasm' },
  );
  return { model, manifest };
}

function showError(context: string, error: unknown): void {
  const reasons: string[] = [];
  for (let e: unknown = error; e !== undefined; e = e instanceof Error ? e.cause : undefined) {
    reasons.push(e instanceof Error ? e.message : String(e));
  }
  view.error.textContent = `${context}: ${reasons.join(' — ')}`;
  view.error.hidden = false;
}

function describeModel(model: ImplicitSequenceModel, manifest: ModelManifest, url: URL): void {
  const numItems = model.numItems - 1; // dense id 0 is padding, not an item
  view.status.textContent =
    `Model loaded from ${url.href}: ${String(numItems)} items, ` +
    `${manifest.representation.name} representation; it reads the last ` +
    `${String(model.maxLength)} items of a history and computes on ${model.backendName}.`;
  const examples = Array.from({ length: Math.min(3, numItems) }, (_, i) =>
    String(model.itemMap ? model.itemMap.toRaw(i + 1) : i + 1),
  );
  view.history.placeholder = `e.g. ${examples.join(', ')}`;
}

function recommend(model: ImplicitSequenceModel): void {
  const history = parseHistory(view.history.value, model.itemMap);
  const [answer] = model.recommendMany([history], TOP_K);
  if (answer === undefined) throw new Error('the model gave no answer');

  const notes: string[] = [];
  if (answer.unknown.length > 0) {
    notes.push(`Not known to the model, so left out: ${answer.unknown.join(', ')}.`);
  }
  if (answer.source === 'popularity') {
    notes.push('No known item in the history: these are the most popular training items.');
  }
  view.note.textContent = notes.join(' ');
  view.note.hidden = notes.length === 0;

  view.list.replaceChildren(
    ...answer.items.map((item, rank) => {
      const entry = document.createElement('li');
      const score = answer.scores[rank] ?? Number.NaN;
      entry.dataset['item'] = String(item);
      entry.dataset['score'] = String(score);
      const label = answer.source === 'popularity' ? 'count' : 'score';
      const detail = document.createElement('span');
      detail.className = 'score';
      detail.textContent = ` (${label} ${score.toPrecision(4)})`;
      entry.append(String(item), detail);
      return entry;
    }),
  );
}

async function start(): Promise<void> {
  const folder = modelFolder();
  view.status.textContent = `Loading the model from ${folder.href}…`;
  let loaded: Awaited<ReturnType<typeof loadModel>>;
  try {
    loaded = await loadModel(folder);
  } catch (error) {
    view.status.textContent = 'No model loaded.';
    showError(`Could not load the model from ${folder.href}`, error);
    return;
  }
  const { model, manifest } = loaded;
  describeModel(model, manifest, folder);
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    view.error.hidden = true;
    try {
      recommend(model);
    } catch (error) {
      showError('Could not recommend', error);
    }
  });
  view.history.disabled = false;
  view.submit.disabled = false;
  view.history.focus();
}

void start();
