import { createRequire } from 'node:module';
import { cruise, type IConfiguration, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/**
 * `npm run lint:deps` can fail: its own configuration, run over a small tree that breaks its rules
 * with type-only imports (test/fixtures/deps), reports the cycle and the component reaching into the
 * background.
 */

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

async function violations(): Promise<IViolation[]> {
  const result = await cruise(['core', 'components'], {
    ...config.options,
    ruleSet: { forbidden: config.forbidden ?? [] },
    baseDir: 'test/fixtures/deps',
    validate: true,
  });
  if (typeof result.output === 'string') throw new Error('expected the cruise result as data');
  return result.output.summary.violations;
}

describe('the dependency check', () => {
  it('counts type-only imports: a cycle of them, and a component importing a background type, are violations', async () => {
    const found = await violations();
    const byRule = (name: string) => found.filter((v) => v.rule.name === name).map((v) => [v.from, v.to]);
    // Every import in the tree is `import type`: a check that dropped them would find nothing.
    expect(byRule('no-cycle').map((pair) => pair.sort())).toEqual([['core/background/report.ts', 'core/protocol.ts']]);
    expect(byRule('ui-not-into-background')).toEqual([['components/Panel.tsx', 'core/background/report.ts']]);
    expect(found.some((v) => v.from === 'core/leaf.ts' || v.to === 'core/leaf.ts')).toBe(false);
  }, 60_000);
});
