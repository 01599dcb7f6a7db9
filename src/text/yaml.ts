/**
 * YAML and JSON text into values, with positions kept for errors: the implementation behind
 * `calico-windows-compat/yaml`.
 * @module
 */
import { Composer, Document as YamlDocument, Lexer, LineCounter, Parser, isMap, isScalar, isSeq, visit, type CST, type Document } from 'yaml';
import { CompatError, type InputIssue } from '../model/errors.js';
import { parseFacts, type ParseFactsResult } from '../model/parse.js';
import type { ClusterFacts } from '../model/facts.js';
import type { FactSource } from '../model/report.js';
import type { ManifestLocator, ManifestSet } from '../model/location.js';
import { checkText, tryJson, type TextOptions } from './json.js';

export { DEFAULT_MAX_TEXT_LENGTH, type TextOptions } from './json.js';



/** How many alias dereferences one document may make: enough for real manifests, not for a bomb. */
const MAX_ALIAS_COUNT = 100;

/**
 * How deeply collections may nest. Kubernetes objects nest a few dozen levels at most; the YAML composer
 * recurses per level and overflows the stack near 800, and an overflow that strikes while V8 compiles a
 * regular expression aborts the process instead of throwing. So depth is measured on the parser's
 * (iterative) token tree and refused before composing.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * How many entries one mapping may hold. The composer checks keys for uniqueness pairwise (quadratic):
 * 10,000 keys take about a second, a million would take hours. No Kubernetes object comes close.
 */
export const MAX_MAPPING_ENTRIES = 10_000;

/**
 * How many documents one text may hold. Each document costs the parser about a kilobyte whatever it holds
 * (64 MiB of `---` lines would take 4.5 GB): a stream of Kubernetes objects holds hundreds, a `kubectl get
 * -o yaml` list one.
 */
export const MAX_DOCUMENTS = 10_000;

/**
 * How many entries and items the collections of one text may hold in all. Composing costs about a
 * kilobyte per item: 8 MB of `- 1` lines (two million items) took 1.8 GB, so 64 MiB of them would exhaust
 * the heap. `kubectl get nodes -o yaml` holds about 100 per node (one per 33 bytes): a million is 10,000
 * nodes, twice what Kubernetes supports in one cluster.
 */
export const MAX_COLLECTION_ITEMS = 1_000_000;

/**
 * How many tokens (scalars, indicators, comments, line breaks) one text may hold. The parser keeps each:
 * 32 MB of `#` lines took 3.8 GB, so 64 MiB of them would exhaust the heap. `kubectl get -o yaml` output
 * has one token per five bytes, so {@link MAX_COLLECTION_ITEMS} refuses it first.
 */
export const MAX_TOKENS = 8_000_000;

/** How many syntax errors one parse reports; the rest are counted. */
const MAX_SYNTAX_ISSUES = 50;

/**
 * The longest JSON facts text whose problems get a line and column. JSON is read by `JSON.parse`, which
 * gives no positions; they come from a YAML parse of the same text, which takes seconds per few MiB.
 */
export const MAX_LOCATED_JSON_LENGTH = 4 * 1024 * 1024;

/** A position in a text: 1-based line and column. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** One document of a text, with a way back from a path in its value to a line and column. */
export interface TextDocument {
  /** The document's value, as plain JavaScript data. */
  readonly value: unknown;
  /** Its index in the text (0 for the first document). */
  readonly index: number;
  /** The line and column where the document starts. */
  readonly position: TextPosition;
  /** Where the value at `path` stands in the text, if it stands anywhere. */
  locate(path: readonly PropertyKey[]): TextPosition | undefined;
}

/**
 * Parses YAML text (JSON is YAML too) into its documents. Multi-document YAML (`---`) gives one
 * {@link TextDocument} each; empty documents are dropped.
 *
 * @throws {@link CompatError} `invalid-input` listing every syntax error with its line and column.
 * @example
 * const [doc] = parseYamlDocuments('kind: Node\nmetadata: {name: win-1}\n', { file: 'nodes.yaml' });
 * doc.locate(['metadata', 'name']); // { line: 2, column: 18 }
 */
export function parseYamlDocuments(text: string, options: TextOptions = {}): TextDocument[] {
  const source = checkText(text, options);
  const lineCounter = new LineCounter();
  let documents: Document.Parsed[];
  try {
    // parseAllDocuments in two steps, so that nesting is measured between them.
    const tokens = parseTokens(source, lineCounter, options);
    checkNesting(tokens, lineCounter, options);
    documents = Array.from(new Composer({ uniqueKeys: true, prettyErrors: false }).compose(tokens)) as Document.Parsed[];
  } catch (error) {
    if (error instanceof CompatError) throw error;
    throw tooComplex(error, options);
  }
  if (!Array.isArray(documents)) documents = [];
  const issues: InputIssue[] = [];
  let unreported = 0;
  for (const [index, document] of documents.entries()) {
    for (const error of document.errors) {
      // Garbage can hold an error a line: the first ones say what is wrong, a million would drown it.
      if (issues.length >= MAX_SYNTAX_ISSUES) {
        unreported++;
        continue;
      }
      const { line, col } = lineCounter.linePos(error.pos[0]);
      issues.push({
        path: `document ${index + 1}`,
        code: `yaml-${error.code.toLowerCase().replaceAll('_', '-')}`,
        message: firstLine(error.message),
        location: located(options.file, { line, column: col }),
      });
    }
  }
  if (unreported > 0)
    issues.push({ path: '(text)', code: 'yaml-more-errors', message: `and ${unreported} more syntax error${unreported === 1 ? '' : 's'}` });
  if (issues.length > 0) throw new CompatError('invalid-input', `Cannot parse ${options.file ?? 'the text'} as YAML:`, issues);

  const out: TextDocument[] = [];
  for (const [index, document] of documents.entries()) {
    // A document with nothing in it (a trailing `---`, a comment alone) is dropped.
    const contents = document.contents;
    if (contents === null || (isScalar(contents) && contents.value === null && contents.range?.[0] === contents.range?.[1])) continue;
    const refused = refusedNode(document, lineCounter, index, options);
    if (refused) throw refused;
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const position = lineCounter.linePos(document.range[0]);
      throw new CompatError('invalid-input', `Cannot read ${options.file ?? 'the text'}:`, [
        {
          path: `document ${index + 1}`,
          code: 'yaml-aliases',
          message:
            error instanceof Error && /alias/i.test(error.message)
              ? `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refused as a possible alias bomb`
              : firstLine(error instanceof Error ? error.message : String(error)),
          location: located(options.file, { line: position.line, column: position.col }),
        },
      ]);
    }
    const start = lineCounter.linePos(document.range[0]);
    out.push({
      value,
      index,
      position: { line: start.line, column: start.col },
      locate(path) {
        const node = document.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (!node || typeof node !== 'object' || !node.range) return undefined;
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col };
      },
    });
  }
  return out;
}

// Tags the yaml package reads as a Map, a Set or a list of pairs: no fact is either, and zod would read
// one as an empty object, silently dropping what it holds.
const COLLECTION_TAGS = new Set(['tag:yaml.org,2002:omap', 'tag:yaml.org,2002:set', 'tag:yaml.org,2002:pairs']);

/**
 * What the library refuses in a document before reading it: collection tags it cannot read faithfully
 * (`!!omap`, `!!set`, `!!pairs`), and more than {@link MAX_ALIAS_COUNT} aliases in the document, however
 * they are spread over anchors.
 */
function refusedNode(document: Document.Parsed, lineCounter: LineCounter, index: number, options: TextOptions): CompatError | undefined {
  let aliases = 0;
  let found: { readonly range: readonly number[] | null | undefined; readonly code: string; readonly message: string } | undefined;
  visit(document, {
    Alias(_key, node) {
      if (++aliases <= MAX_ALIAS_COUNT) return undefined;
      found = { range: node.range, code: 'yaml-aliases', message: `more than ${MAX_ALIAS_COUNT} aliases in one document: refused as a possible alias bomb` };
      return visit.BREAK;
    },
    Collection(_key, node) {
      if (node.tag === undefined || !COLLECTION_TAGS.has(node.tag)) return undefined;
      found = { range: node.range, code: 'yaml-unsupported-tag', message: `${node.tag.replace('tag:yaml.org,2002:', '!!')} is not supported: write a plain mapping or list` };
      return visit.BREAK;
    },
  });
  if (found === undefined) return undefined;
  const { line, col } = lineCounter.linePos(found.range?.[0] ?? document.range[0]);
  return new CompatError('invalid-input', `Cannot read ${options.file ?? 'the text'}:`, [
    { path: `document ${index + 1}`, code: found.code, message: found.message, location: located(options.file, { line, column: col }) },
  ]);
}

/**
 * Reads a facts file's text (JSON or YAML, one document) and validates it as facts. Problems come back
 * as the {@link CompatError} of {@link parseFacts}, each issue with the line and column it stands at.
 * Never throws.
 *
 * @example
 * const result = parseFactsText(await readFile('facts.yaml', 'utf8'), { file: 'facts.yaml' });
 * if (!result.success) console.error(result.error.message); // nodes[2].osBuild: … (facts.yaml:14:14)
 */
export function parseFactsText(text: string, options: TextOptions = {}): ParseFactsResult {
  return parseFactsTextLocated(text, options).result;
}

/**
 * {@link parseFactsText}, and the YAML document its parse gave, if it took one (a JSON text is read by
 * `JSON.parse`, so has none): positions from the one parse, for SARIF and fact sources.
 * @internal
 */
export function parseFactsTextLocated(text: string, options: TextOptions = {}): { readonly result: ParseFactsResult; readonly document: TextDocument | undefined } {
  let document: TextDocument | undefined;
  let value: unknown;
  const result = readFacts();
  return { result, document };

  function readFacts(): ParseFactsResult {
    try {
      const source = checkText(text, options);
      // JSON is parsed by the platform's parser: much faster than a YAML parser on large files.
      const json = /^\s*[{[]/.test(source) ? tryJson(source) : undefined;
      if (json !== undefined) value = json.value;
      else {
        const documents = parseYamlDocuments(source, options);
        if (documents.length !== 1) {
          return failure(
            documents.length === 0
              ? { path: '(root)', code: 'empty', message: 'the facts file is empty: expected one object of facts' }
              : {
                  path: `document ${(documents[1]?.index ?? 1) + 1}`,
                  code: 'multiple-documents',
                  message: `a facts file holds one document; this one has ${documents.length}`,
                },
            options,
          );
        }
        document = documents[0];
        value = document?.value;
      }
    } catch (error) {
      if (error instanceof CompatError) return { success: false, error };
      throw error;
    }
    const result = parseFacts(value);
    if (result.success) return result;
    // JSON fast path: positions only for the error case, from a YAML parse of the same text (once), and
    // only for texts the YAML parser reads in a few seconds.
    let unlocatable = text.length > MAX_LOCATED_JSON_LENGTH;
    const locate = (segments: readonly PropertyKey[]): TextPosition | undefined => {
      if (document) return document.locate(segments);
      if (unlocatable) return undefined;
      try {
        document ??= parseYamlDocuments(text, options)[0];
      } catch {
        unlocatable = true;
        return undefined;
      }
      return document?.locate(segments);
    };
    const issues = result.error.issues.map((issue) => {
      const position = issue.segments ? locateNearest(locate, issue.segments) : undefined;
      const location = position ? located(options.file, position) : undefined;
      return location ? { ...issue, location } : issue;
    });
    return { success: false, error: new CompatError('invalid-facts', `Invalid facts${options.file ? ` in ${options.file}` : ''}:`, issues) };
  }
}

/**
 * The document to locate facts in: the one a parse gave already, else — for a JSON text within
 * {@link MAX_LOCATED_JSON_LENGTH} — a YAML parse of the text; `undefined` for longer JSON (positions
 * cost seconds per few MiB) or text the parser declines.
 * @internal
 */
export function locatableDocument(text: string, parsed: TextDocument | undefined, options: TextOptions = {}): TextDocument | undefined {
  if (parsed !== undefined) return parsed;
  if (text.length > MAX_LOCATED_JSON_LENGTH) return undefined;
  try {
    return parseYamlDocuments(text, options)[0];
  } catch {
    return undefined;
  }
}

/**
 * Parses Kubernetes manifests — `kubectl get … -o yaml` or `-o json` output, or files of an
 * infrastructure repository, multi-document YAML included — into objects for `factsFromManifests`,
 * with a locator that takes each fact's source back to its file, line and column.
 *
 * Hostile text is refused as by {@link parseYamlDocuments} (size limit, alias bombs, duplicate keys,
 * syntax errors, each with its position); whether each document is a Kubernetes object is checked by
 * `factsFromManifests`, which reports the position of any that is not.
 *
 * @throws {@link CompatError} `invalid-input`.
 * @example
 * const set = parseManifestsText(await readFile('nodes.yaml', 'utf8'), { file: 'nodes.yaml' });
 * const { facts, sources, notes } = factsFromManifests(set.objects, { locate: set.locate });
 */
export function parseManifestsText(text: string, options: TextOptions = {}): ManifestSet {
  const documents = parseYamlDocuments(text, options);
  const objects = documents.map((d) => d.value);
  const byValue = new WeakMap<object, TextDocument>();
  for (const document of documents)
    if (document.value !== null && typeof document.value === 'object') byValue.set(document.value, document);
  const locate: ManifestLocator = (root, path) => {
    let document: TextDocument | undefined;
    let rest: readonly PropertyKey[] = path;
    if (root === objects) {
      const [index, ...tail] = path;
      document = typeof index === 'number' ? documents[index] : undefined;
      rest = tail;
    } else document = byValue.get(root);
    if (!document) return undefined;
    const found = document;
    // The empty path is the document's content (after any `---`), else the document's start.
    const position = locateNearest((segments) => found.locate(segments) ?? (segments.length === 0 ? found.position : undefined), rest);
    return position ? located(options.file, position) : undefined;
  };
  return { objects, locate };
}

/**
 * Parses Helm values given as text — RKE2's HelmChartConfig `spec.valuesContent` — for
 * `factsFromManifests`' `parseValues`: one YAML document (none is `undefined`), refused as hostile text
 * is by {@link parseYamlDocuments}.
 *
 * @throws {@link CompatError} `invalid-input` for text that is not one YAML document.
 * @example
 * factsFromManifests(set.objects, { locate: set.locate, parseValues: parseValuesText });
 */
export function parseValuesText(text: string, options: TextOptions = {}): unknown {
  const documents = parseYamlDocuments(text, options);
  if (documents.length > 1)
    throw new CompatError('invalid-input', `Helm values${options.file ? ` in ${options.file}` : ''} hold ${documents.length} YAML documents, not one:`, [
      { path: '(root)', code: 'several-documents', message: `a second document starts at line ${documents[1]?.position.line ?? '?'}` },
    ]);
  return documents[0]?.value;
}

/** Options of {@link formatFactsYaml}. */
export interface FactsYamlOptions {
  /** Where facts came from, by fact path: each becomes a comment beside its fact. */
  readonly sources?: Readonly<Record<string, FactSource>>;
  /** Comment lines above the facts. */
  readonly header?: readonly string[];
  /** Comment lines below the facts. */
  readonly footer?: readonly string[];
}

/**
 * Prints facts as a YAML facts file, each derived fact with a comment saying where it came from, so the
 * file can be reviewed, completed by hand and passed back with `--facts`.
 *
 * @example
 * formatFactsYaml({ nodes: [{ os: 'windows', name: 'win-1', osBuild: '10.0.17763.1432' }] }, { sources })
 * // nodes:
 * //   - os: windows
 * //     name: win-1
 * //     osBuild: 10.0.17763.1432 # Node/win-1 status.nodeInfo.kernelVersion (nodes.yaml:80:21)
 */
export function formatFactsYaml(facts: ClusterFacts, options: FactsYamlOptions = {}): string {
  const document = new YamlDocument(facts);
  const sources = options.sources ?? {};
  const describe = (source: FactSource): string => {
    const where =
      source.file === undefined && source.line === undefined
        ? ''
        : ` (${source.file ?? 'line'}${source.line === undefined ? '' : `:${source.line}`}${source.column === undefined ? '' : `:${source.column}`})`;
    return ` ${source.object}${source.field === undefined ? '' : ` ${source.field}`}${where}`;
  };
  const annotate = (node: unknown, prefix: string): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const source = sources[path];
      if (source) {
        if (isScalar(pair.value)) pair.value.comment = describe(source);
        else pair.key.commentBefore = describe(source);
      }
      if (isSeq(pair.value) && (path === 'nodes' || path === 'calico.ipPools')) {
        pair.value.items.forEach((item, index) => {
          if (!isMap(item)) return;
          const get = (k: string): unknown => {
            const value = item.get(k);
            return typeof value === 'string' ? value : undefined;
          };
          const name = path === 'nodes' ? get('name') : (get('name') ?? get('cidr') ?? `calico.ipPools[${index}]`);
          if (typeof name === 'string') annotate(item, `${path}[${name}]`);
        });
      } else if (isMap(pair.value)) annotate(pair.value, path);
    }
  };
  annotate(document.contents, '');
  if (options.header && options.header.length > 0) document.commentBefore = options.header.map((l) => ` ${l}`).join('\n');
  if (options.footer && options.footer.length > 0) document.comment = options.footer.map((l) => ` ${l}`).join('\n');
  return document.toString({ lineWidth: 0 });
}

function locateNearest(
  locate: (segments: readonly PropertyKey[]) => TextPosition | undefined,
  segments: readonly PropertyKey[],
): TextPosition | undefined {
  for (let length = segments.length; length >= 0; length--) {
    const position = locate(segments.slice(0, length));
    if (position) return position;
  }
  return undefined;
}

/**
 * The parser's token tree. The parser is iterative, but it keeps about a kilobyte per open collection:
 * a text of nothing but `[` would exhaust the heap long before the size limit, so nesting far beyond
 * the limit stops the parse early (the exact depth is checked on the tree by {@link checkNesting}).
 */
function parseTokens(source: string, lineCounter: LineCounter, options: TextOptions): CST.Token[] {
  // Lexer and parser by hand, as the parser's documentation shows, to watch the parser's stack.
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  let documents = 0;
  const take = (token: CST.Token): void => {
    tokens.push(token);
    if (token.type === 'document' && ++documents > MAX_DOCUMENTS) {
      const { line, col } = lineCounter.linePos(token.offset);
      throw refused(documents - 1, { line, column: col }, 'yaml-documents', `more than ${MAX_DOCUMENTS} documents in one text: refused`, options);
    }
  };
  let items = 0;
  let lexemes = 0;
  for (const lexeme of new Lexer().lex(source)) {
    if (++lexemes > MAX_TOKENS) {
      const { line, col } = lineCounter.linePos(parser.offset);
      throw refused(documents, { line, column: col }, 'yaml-size', `more than ${MAX_TOKENS} tokens (scalars, indicators, comments, line breaks) in one text: refused`, options);
    }
    // Each entry and item has its indicator (`-`, `:`, `?`, or `,` in flow): counted as the text is read,
    // so a text of too many is refused before its tree fills the heap.
    if ((lexeme === '-' || lexeme === ':' || lexeme === '?' || lexeme === ',') && ++items > MAX_COLLECTION_ITEMS) {
      const { line, col } = lineCounter.linePos(parser.offset);
      throw refused(documents, { line, column: col }, 'yaml-size', `more than ${MAX_COLLECTION_ITEMS} collection entries and items in one text: refused`, options);
    }
    for (const token of parser.next(lexeme)) take(token);
    if (parser.stack.length > MAX_NESTING_DEPTH + 8) {
      const { line, col } = lineCounter.linePos(parser.offset);
      throw refused(tokens.filter((t) => t.type === 'document').length, { line, column: col }, 'yaml-nesting', nestingMessage, options);
    }
  }
  for (const token of parser.end()) take(token);
  return tokens;
}

const nestingMessage = `collections nested more than ${MAX_NESTING_DEPTH} levels deep: refused`;

function refused(documentIndex: number, position: TextPosition, code: string, message: string, options: TextOptions): CompatError {
  return new CompatError('invalid-input', `Cannot parse ${options.file ?? 'the text'} as YAML:`, [
    { path: `document ${documentIndex + 1}`, code, message, location: located(options.file, position) },
  ]);
}

function checkNesting(tokens: readonly CST.Token[], lineCounter: LineCounter, options: TextOptions): void {
  let documentIndex = -1;
  const stack: Array<{ token: CST.Token; depth: number; document: number }> = [];
  for (const token of tokens) if (token.type === 'document') stack.push({ token, depth: 0, document: ++documentIndex });
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { token, depth, document } = entry;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth, document });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth >= MAX_NESTING_DEPTH) {
      const { line, col } = lineCounter.linePos(token.offset);
      throw refused(document, { line, column: col }, 'yaml-nesting', nestingMessage, options);
    }
    const mapping = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
    if (mapping && token.items.length > MAX_MAPPING_ENTRIES) {
      const { line, col } = lineCounter.linePos(token.offset);
      const message = `a mapping with ${token.items.length} entries, more than ${MAX_MAPPING_ENTRIES}: refused`;
      throw refused(document, { line, column: col }, 'yaml-mapping-size', message, options);
    }

    for (const item of token.items) {
      if (item.key) stack.push({ token: item.key, depth: depth + 1, document });
      if (item.value) stack.push({ token: item.value, depth: depth + 1, document });
    }
  }
}

function tooComplex(error: unknown, options: TextOptions): CompatError {
  const message = error instanceof Error ? error.message : String(error);
  return new CompatError(
    'invalid-input',
    `Cannot parse ${options.file ?? 'the text'}: ${/call stack/i.test(message) ? 'it is nested too deeply' : firstLine(message)}.`,
  );
}

function failure(issue: InputIssue, options: TextOptions): ParseFactsResult {
  return { success: false, error: new CompatError('invalid-facts', `Invalid facts${options.file ? ` in ${options.file}` : ''}:`, [issue]) };
}

function located(file: string | undefined, position: TextPosition): NonNullable<InputIssue['location']> {
  return file === undefined ? { line: position.line, column: position.column } : { file, line: position.line, column: position.column };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

