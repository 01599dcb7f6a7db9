// The problem lists every validator builds: at most MAX_REPORTED_ISSUES listed, the rest counted in one
// last issue, whether the list is capped after the fact (capIssues) or as it grows (IssueList).
import { describe, expect, it } from 'vitest';
import { IssueList, MAX_REPORTED_ISSUES, capIssues, type InputIssue } from '../../src/model/errors.js';

const issue = (n: number): InputIssue => ({ path: `[${n}]`, code: 'invalid-type', message: `problem ${n}` });
const issues = (count: number): InputIssue[] => Array.from({ length: count }, (_, n) => issue(n));

describe('capIssues', () => {
  it('lists up to the maximum as they are', () => {
    expect(capIssues(issues(3))).toEqual(issues(3));
    expect(capIssues(issues(MAX_REPORTED_ISSUES))).toEqual(issues(MAX_REPORTED_ISSUES));
  });

  it('counts one past the maximum in a last issue at the root', () => {
    expect(capIssues(issues(MAX_REPORTED_ISSUES + 1))).toEqual([...issues(MAX_REPORTED_ISSUES), { path: '(root)', code: 'more-issues', message: 'and 1 more problem, not listed' }]);
  });

  it('adds those the caller counted, at the path it names', () => {
    expect(capIssues(issues(2), 5, 'waivers')).toEqual([...issues(2), { path: 'waivers', code: 'more-issues', message: 'and 5 more problems, not listed' }]);
    expect(capIssues([], 1)).toEqual([{ path: '(root)', code: 'more-issues', message: 'and 1 more problem, not listed' }]);
  });

  it('folds the counts of more-issues entries it is given into its own last one', () => {
    const counted: InputIssue = { path: 'nodes', code: 'more-issues', message: 'and 7 more problems, not listed' };
    expect(capIssues([issue(0), counted, issue(1)], 2)).toEqual([issue(0), issue(1), { path: '(root)', code: 'more-issues', message: 'and 9 more problems, not listed' }]);
  });
});

describe('IssueList', () => {
  it('starts empty', () => {
    const list = new IssueList();
    expect([list.size, list.full, list.issues()]).toEqual([0, false, []]);
  });

  it('lists problems until full, then counts them', () => {
    const list = new IssueList();
    for (const one of issues(MAX_REPORTED_ISSUES - 1)) list.add(one);
    expect(list.full).toBe(false);
    list.add(issue(MAX_REPORTED_ISSUES - 1));
    expect(list.full).toBe(true);
    expect(list.issues()).toEqual(issues(MAX_REPORTED_ISSUES));
    list.add(issue(MAX_REPORTED_ISSUES));
    expect(list.size).toBe(MAX_REPORTED_ISSUES + 1);
    expect(list.issues()).toEqual([...issues(MAX_REPORTED_ISSUES), { path: '(root)', code: 'more-issues', message: 'and 1 more problem, not listed' }]);
    list.count();
    expect(list.size).toBe(MAX_REPORTED_ISSUES + 2);
    expect(list.issues('rules').at(-1)).toEqual({ path: 'rules', code: 'more-issues', message: 'and 2 more problems, not listed' });
  });

  it('counts a problem without describing it, even before it is full', () => {
    const list = new IssueList();
    list.add(issue(0));
    list.count();
    expect(list.size).toBe(2);
    expect(list.issues()).toEqual([issue(0), { path: '(root)', code: 'more-issues', message: 'and 1 more problem, not listed' }]);
  });

  it('hands out a copy of its list', () => {
    const list = new IssueList();
    list.add(issue(0));
    list.issues().push(issue(1));
    expect(list.issues()).toEqual([issue(0)]);
  });
});
