import { describe, expect, it } from 'vitest';
import { artifactLocation, directoryUri, isAbsolutePath, SRCROOT } from '../../src/formatters/artifact-uri.js';
import { evaluateCompatibility } from '../../src/api.js';
import { formatSarif } from '../../src/formatters/sarif.js';

describe('artifact locations', () => {
  it.each([
    // path, root, working directory, location
    ['examples/eks.yaml', '/home/runner/work/repo', undefined, { uri: 'examples/eks.yaml', uriBaseId: SRCROOT }],
    ['/home/runner/work/repo/clusters/prod.yaml', '/home/runner/work/repo', undefined, { uri: 'clusters/prod.yaml', uriBaseId: SRCROOT }],
    ['./a/../clusters/prod.yaml', '/repo', '/repo', { uri: 'clusters/prod.yaml', uriBaseId: SRCROOT }],
    ['prod.yaml', '/repo', '/repo/clusters', { uri: 'clusters/prod.yaml', uriBaseId: SRCROOT }],
    ['../elsewhere/prod.yaml', '/repo', '/repo', { uri: 'file:///elsewhere/prod.yaml' }],
    ['/tmp/facts.yaml', '/repo', '/repo', { uri: 'file:///tmp/facts.yaml' }],
    ['/repository/x.yaml', '/repo', '/repo', { uri: 'file:///repository/x.yaml' }],
    ['/tmp/my facts #1?.yaml', '/repo', '/repo', { uri: 'file:///tmp/my%20facts%20%231%3F.yaml' }],
    ['dir/50% done [v2].yaml', '/repo', '/repo', { uri: 'dir/50%25%20done%20%5Bv2%5D.yaml', uriBaseId: SRCROOT }],
    ['clusters/prod:eu.yaml', '/repo', '/repo', { uri: 'clusters/prod%3Aeu.yaml', uriBaseId: SRCROOT }],
    ['/tmp/grüße.yaml', '/repo', '/repo', { uri: 'file:///tmp/gr%C3%BC%C3%9Fe.yaml' }],
  ])('%s under root %s (cwd %s) is %j', (path, root, cwd, location) => {
    expect(artifactLocation(path, root, cwd)).toEqual(location);
  });

  it.each([
    ['C:\\src\\repo\\clusters\\prod.yaml', 'C:\\src\\repo', { uri: 'clusters/prod.yaml', uriBaseId: SRCROOT }],
    ['c:\\SRC\\Repo\\clusters\\prod.yaml', 'C:\\src\\repo', { uri: 'clusters/prod.yaml', uriBaseId: SRCROOT }],
    ['D:\\facts\\prod cluster.yaml', 'C:\\src\\repo', { uri: 'file:///D:/facts/prod%20cluster.yaml' }],
    ['C:/src/other/prod.yaml', 'C:\\src\\repo', { uri: 'file:///C:/src/other/prod.yaml' }],
    ['\\\\fileserver\\share\\facts.yaml', 'C:\\src\\repo', { uri: 'file://fileserver/share/facts.yaml' }],
    ['clusters\\prod.yaml', 'C:\\src\\repo', { uri: 'clusters/prod.yaml', uriBaseId: SRCROOT }],
  ])('Windows: %s under root %s is %j', (path, root, location) => {
    expect(artifactLocation(path, root)).toEqual(location);
  });

  it('leaves a relative path relative to %SRCROOT% when there is no root to resolve it against', () => {
    expect(artifactLocation('clusters/prod.yaml', undefined)).toEqual({ uri: 'clusters/prod.yaml', uriBaseId: SRCROOT });
    expect(artifactLocation('/abs/prod.yaml', undefined)).toEqual({ uri: 'file:///abs/prod.yaml' });
  });

  it('never gives a relative reference that starts with a slash, nor an absolute URI with a uriBaseId', () => {
    for (const path of ['/a/b.yaml', 'b.yaml', 'C:\\a\\b.yaml', '\\\\h\\s\\b.yaml', '/repo/x y.yaml'])
      for (const root of ['/repo', 'C:\\repo', undefined]) {
        const location = artifactLocation(path, root);
        if (location.uriBaseId === undefined) expect(location.uri).toMatch(/^file:\/\//);
        else expect(location.uri).not.toMatch(/^\/|^[a-z]+:/i);
      }
  });

  it('gives directories as file:// URIs with a trailing slash, for originalUriBaseIds', () => {
    expect(directoryUri('/home/runner/work/repo')).toBe('file:///home/runner/work/repo/');
    expect(directoryUri('/')).toBe('file:///');
    expect(directoryUri('C:\\src\\my repo\\')).toBe('file:///C:/src/my%20repo/');
    expect(directoryUri('sub', '/repo')).toBe('file:///repo/sub/');
    expect(directoryUri('relative')).toBeUndefined();
  });

  it('knows absolute paths of both systems', () => {
    expect(['/a', 'C:\\a', 'c:/a', '\\\\server\\share'].map(isAbsolutePath)).toEqual([true, true, true, true]);
    expect(['a', './a', 'C:a', '\\a\\b'.slice(1)].map(isAbsolutePath)).toEqual([false, false, false, false]);
  });
});

describe('defect 17: SARIF artifact URIs for #, ?, C:\\ and UNC paths; formatSarif never throws', () => {
  const report = evaluateCompatibility({ nodes: [{ os: 'windows', name: 'w' }] });
  const uris = (input: string, root?: string): string[] => {
    const sarif = JSON.parse(formatSarif(report, { input, ...(root === undefined ? {} : { root, workingDirectory: root }) })) as {
      runs: Array<{ results: Array<{ locations?: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }> }>;
    };
    return [...new Set(sarif.runs[0]?.results.flatMap((r) => (r.locations ?? []).map((l) => JSON.stringify(l.physicalLocation.artifactLocation))))];
  };

  it.each([
    // A file name holding # and ? is one path, not a path, a query and a fragment.
    ['prod#eu?.yaml', '/repo', { uri: 'prod%23eu%3F.yaml', uriBaseId: SRCROOT }],
    // A drive path is a file:// URI, never a URI with the scheme c:.
    ['C:\\repo\\prod.yaml', '/repo', { uri: 'file:///C:/repo/prod.yaml' }],
    ['C:\\repo\\prod.yaml', 'C:\\repo', { uri: 'prod.yaml', uriBaseId: SRCROOT }],
    // A UNC path is a file:// URI with its host, never a network-path reference (//server/...).
    ['\\\\server\\share\\p.yaml', '/repo', { uri: 'file://server/share/p.yaml' }],
    // A scheme-like file name is a relative path.
    ['javascript:alert(1)', '/repo', { uri: 'javascript%3Aalert%281%29', uriBaseId: SRCROOT }],
  ])('%s (root %s) is located at %j', (input, root, location) => {
    expect(uris(input, root)).toEqual([JSON.stringify(location)]);
  });

  it('an input holding a lone surrogate gives a URI (U+FFFD), not a URIError', () => {
    expect(uris('a\uD800b.yaml', '/repo')).toEqual([JSON.stringify({ uri: 'a%EF%BF%BDb.yaml', uriBaseId: SRCROOT })]);
    expect(uris('/tmp/\uDC00.yaml', '/repo')).toEqual([JSON.stringify({ uri: 'file:///tmp/%EF%BF%BD.yaml' })]);
    expect(uris('x\uD83D\uDE00.yaml', '/repo')).toEqual([JSON.stringify({ uri: 'x%F0%9F%98%80.yaml', uriBaseId: SRCROOT })]);
  });
});
