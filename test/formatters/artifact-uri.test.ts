import { describe, expect, it } from 'vitest';
import { artifactLocation, directoryUri, isAbsolutePath, SRCROOT } from '../../src/formatters/artifact-uri.js';

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
