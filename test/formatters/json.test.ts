import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json.js';
import { ReportSchema } from '../../src/model/report.js';
import { REPORT } from './fixture.js';

describe('formatJson', () => {
  it('is the report itself, valid against the report schema, with a final newline', () => {
    const text = formatJson(REPORT);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed: unknown = JSON.parse(text);
    expect(parsed).toEqual(REPORT);
    expect(ReportSchema.safeParse(parsed).success).toBe(true);
  });
});
