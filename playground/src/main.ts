/**
 * The playground page: two inputs and a release in, the report out, the state in the URL fragment.
 * Everything runs here; the page's Content-Security-Policy forbids it any request (`connect-src 'none'`).
 */
import { analyze, releaseChoices, type Inputs } from './analyze.js';
import { EXAMPLE_LABELS, type ExampleId } from './example-list.js';
import { h, renderAnalysis, renderProblems } from './render.js';
import { decodeState, encodeState } from './state.js';


const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
};

const objects = $<HTMLTextAreaElement>('objects');
const facts = $<HTMLTextAreaElement>('facts');
const release = $<HTMLSelectElement>('release');
const example = $<HTMLSelectElement>('example');
const files = $<HTMLInputElement>('files');
const output = $<HTMLElement>('output');
const status = $<HTMLElement>('status');

for (const choice of releaseChoices()) release.append(h('option', { value: choice.value }, choice.label));
for (const [id, label] of Object.entries(EXAMPLE_LABELS)) example.append(h('option', { value: id }, label));
$('version').textContent = `calico-windows-compat ${LIBRARY_VERSION}`;

const inputs = (): Inputs => ({ objects: objects.value, facts: facts.value, release: release.value });

function setInputs(next: Inputs): void {
  objects.value = next.objects;
  facts.value = next.facts;
  // A release the list does not offer (a patch version from a link) is added, so that it is kept.
  if (![...release.options].some((o) => o.value === next.release)) release.append(h('option', { value: next.release }, next.release));
  release.value = next.release;
}

let rendered = 0;
let latest = 0;
/** Evaluates the inputs, shows the result and keeps the state in the fragment. */
async function update(): Promise<void> {
  const current = inputs();
  const run = ++latest;
  output.replaceChildren(renderAnalysis(analyze(current)));
  const fragment = await encodeState(current);
  // Encoding is asynchronous: an update that started later has written (or will write) a newer state.
  if (run !== latest) return;
  history.replaceState(null, '', fragment === '' ? `${location.pathname}${location.search}` : `#${fragment}`);
  // For whoever waits for the page (the browser tests): how many times it has rendered, and whether
  // an update is still to come.
  document.body.dataset['rendered'] = String(++rendered);
  if (timer === undefined) delete document.body.dataset['pending'];
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule(): void {
  clearTimeout(timer);
  document.body.dataset['pending'] = 'true';
  timer = setTimeout(() => {
    timer = undefined;
    void update();
  }, 200);
}

async function restore(): Promise<void> {
  if (location.hash.length <= 1) return update();
  try {
    setInputs(await decodeState(location.hash));
  } catch (error) {
    output.replaceChildren(renderProblems([{ input: 'objects', path: 'link', message: error instanceof Error ? error.message : String(error) }]));
    document.body.dataset['rendered'] = String(++rendered);
    return;
  }
  return update();
}

objects.addEventListener('input', schedule);
facts.addEventListener('input', schedule);
release.addEventListener('change', () => void update());
window.addEventListener('hashchange', () => void restore());

example.addEventListener('change', async () => {
  const id = example.value as ExampleId | '';
  if (id === '') return;
  const { EXAMPLES } = await import('./examples.js');
  setInputs(EXAMPLES[id]);
  example.value = '';
  await update();
});

// Files, chosen or dropped: kubectl output goes to the cluster objects (several files are joined as
// documents), anything else is the facts file. Dropped on one of the inputs, they go there.
const looksLikeObjects = (text: string): boolean => /^\s*(apiVersion|kind)\s*:|"(apiVersion|kind)"\s*:/m.test(text);

async function load(list: FileList, target?: HTMLTextAreaElement): Promise<void> {
  const texts = await Promise.all([...list].map(async (file) => ({ name: file.name, text: await file.text() })));
  const toObjects = texts.filter((t) => (target ? target === objects : looksLikeObjects(t.text)));
  const toFacts = texts.filter((t) => !toObjects.includes(t));
  if (toObjects.length > 0) objects.value = toObjects.map((t) => t.text.trimEnd()).join('\n---\n') + '\n';
  const [first, ...others] = toFacts;
  if (first) facts.value = first.text;
  status.textContent =
    others.length > 0
      ? `One facts file at a time: ${first?.name} loaded, ${others.map((t) => t.name).join(', ')} left out.`
      : `Loaded ${texts.map((t) => t.name).join(', ')}.`;
  await update();
}

files.addEventListener('change', () => {
  if (files.files) void load(files.files);
  files.value = '';
});
for (const zone of [$('input'), objects, facts]) {
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    event.stopPropagation();
    zone.classList.remove('dragging');
    const dropped = event.dataTransfer?.files;
    if (dropped && dropped.length > 0) void load(dropped, zone instanceof HTMLTextAreaElement ? zone : undefined);
  });
}

$('clear').addEventListener('click', () => {
  setInputs({ objects: '', facts: '', release: '' });
  status.textContent = '';
  void update();
});

$('share').addEventListener('click', async () => {
  await update();
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Link copied: it holds the input itself, in its fragment (#…), which browsers never send to a server.';
  } catch {
    status.textContent = 'Copy the address bar: the link holds the input itself, in its fragment (#…).';
  }
});

// The output's buttons: a problem's position selects it in its input; copy buttons copy.
output.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest('button');
  if (!button) return;
  const copy = button.dataset['copy'];
  if (copy) {
    void navigator.clipboard.writeText(document.getElementById(copy)?.textContent ?? '').then(
      () => (status.textContent = 'Copied.'),
      () => (status.textContent = 'The browser refused to copy: select the text instead.'),
    );
    return;
  }
  const area = button.dataset['input'] === 'facts' ? facts : button.dataset['input'] === 'objects' ? objects : undefined;
  if (area) selectPosition(area, Number(button.dataset['line']), Number(button.dataset['column']));
});

/** Puts the caret at a line and column (1-based) of a text area, and scrolls to it. */
function selectPosition(area: HTMLTextAreaElement, line: number, column: number): void {
  const lines = area.value.split('\n');
  const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  area.focus();
  area.setSelectionRange(offset, Math.min(offset + Math.max(1, (lines[line - 1]?.length ?? 0) - column + 1), area.value.length));
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 16;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

objects.setAttribute('aria-describedby', 'objects-help');
facts.setAttribute('aria-describedby', 'facts-help');
void restore();
