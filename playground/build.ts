/**
 * Builds the playground into dist-playground/ (the page, its style, and the app bundled by esbuild from
 * the library's built entry points in dist/: run `npm run build` first), and serves a folder over HTTP
 * for trying it locally and for the browser tests.
 *
 *   node scripts/run-ts.mjs playground/build.ts            build
 *   node scripts/run-ts.mjs playground/build.ts --serve    build, then serve on http://127.0.0.1:8080
 *   (--port N, or PORT=N, to choose the port; 0 for any free one)
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// Run as a script, this file is bundled elsewhere by scripts/run-ts.mjs, which leaves its path in argv.
const RUN_AS_SCRIPT = /(^|[\\/])playground[\\/]build\.ts$/.test(process.argv[1] ?? '');
const HERE = RUN_AS_SCRIPT ? dirname(resolve(process.argv[1] ?? '')) : fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '..');

/** Where `npm run playground` builds the page. */
export const PLAYGROUND_DIR = resolve(ROOT, 'dist-playground');

/** What a build wrote: each file and its size in bytes. */
export interface PlaygroundBuild {
  readonly outdir: string;
  readonly files: Record<string, number>;
}

/** Builds the page into `outdir` (emptied first). */
export async function buildPlayground(outdir: string = PLAYGROUND_DIR): Promise<PlaygroundBuild> {
  if (!existsSync(resolve(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { app: resolve(HERE, 'src/main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    chunkNames: 'chunks/[name]-[hash]',
    loader: { '.yaml': 'text' },
    define: { LIBRARY_VERSION: JSON.stringify(version) },
    metafile: true,
    logLevel: 'warning',
    // tsup keeps `import "./chunk-….js"` lines for evaluation order between the library's own chunks;
    // they are pure data (the package declares no side effects), so dropping them changes nothing.
    logOverride: { 'ignored-bare-import': 'silent' },
  });
  for (const file of ['index.html', 'style.css']) copyFileSync(resolve(HERE, file), join(outdir, file));
  const files: Record<string, number> = {};
  for (const path of [...Object.keys(result.metafile.outputs).map((p) => resolve(ROOT, p)), join(outdir, 'index.html'), join(outdir, 'style.css')])
    files[relative(outdir, path)] = statSync(path).size;
  return { outdir, files };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.yaml': 'text/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A static file server for a folder: GET and HEAD only, nothing outside the folder, no listing. */
export async function serveDirectory(root: string, options: { port?: number; host?: string } = {}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    let file = resolve(base, `.${path}`);
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, done);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}/`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

if (RUN_AS_SCRIPT) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--port');
  const port = Number(at >= 0 ? args[at + 1] : (process.env['PORT'] ?? 8080));
  const built = await buildPlayground();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const [file, size] of Object.entries(built.files)) if (!file.endsWith('.map')) console.log(`  ${file.padEnd(40)} ${kb(size)}`);
  console.log(`Built ${relative(process.cwd(), built.outdir) || '.'}/`);
  if (args.includes('--serve')) {
    const { url } = await serveDirectory(built.outdir, { port });
    console.log(`Serving the playground at ${url} (Ctrl-C to stop)`);
  }
}
