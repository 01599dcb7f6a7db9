import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { ConfigReader } from '@backstage/config';
import { JsonRulesEngineFactCheckerFactory } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { RULES } from 'calico-windows-compat';
import {
  calicoWindowsChecks,
  calicoWindowsChecksConfig,
  calicoWindowsRuleChecks,
  formatChecksConfig,
} from '@internal/plugin-tech-insights-backend-module-calico-windows';
import { parse } from 'yaml';
import { logger, MemoryStore } from './support.js';

const FILE = new URL('../app-config.calico-windows-compat.yaml', import.meta.url);
const committed = readFileSync(FILE, 'utf8');

describe('app-config.calico-windows-compat.yaml', () => {
  it('is the checks generated from the rule catalog, as committed (npm run checks:config regenerates it)', () => {
    expect(committed, 'app-config.calico-windows-compat.yaml is stale: run npm run checks:config in examples/backstage-tech-insights').toBe(formatChecksConfig());
    expect(parse(committed)).toEqual(calicoWindowsChecksConfig());
  });

  it('is valid against the configuration schema the jsonfc module ships (its config.json)', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../node_modules/@backstage-community/plugin-tech-insights-backend-module-jsonfc/config.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    delete schema['$schema']; // Backstage's own meta-schema id; the content is plain JSON Schema
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(parse(committed)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('reads back, through the jsonfc module\'s own config reader, as the checks the module defines', async () => {
    const factory = JsonRulesEngineFactCheckerFactory.fromConfig(new ConfigReader(parse(committed)), { logger: logger() });
    const read = await factory.construct(new MemoryStore()).getChecks();
    const defined = [...calicoWindowsChecks, ...calicoWindowsRuleChecks()];
    expect(read.map((c) => c.id)).toEqual(defined.map((c) => c.id));
    // The reader fills absent optional fields with undefined; what is there is what was defined.
    const defined_ = JSON.parse(JSON.stringify(defined));
    expect(JSON.parse(JSON.stringify(read))).toEqual(defined_);
    expect(read).toHaveLength(RULES.length + 2);
  });

  it('leaves the schedule to the app, or the per-requirement checks out, when asked', () => {
    const config = calicoWindowsChecksConfig({ schedule: false, perRequirement: false }) as { techInsights: Record<string, { checks?: object }> };
    expect(Object.keys(config.techInsights)).toEqual(['factChecker']);
    expect(Object.keys(config.techInsights['factChecker']?.checks ?? {})).toEqual(['calico-windows-compatible', 'calico-windows-facts-complete']);
  });
});
