import { defineConfig } from 'vitest/config';

/**
 * Tests that measure time against a bound (answers during a 5,000-file scan,
 * regular expressions on adversarial input) run after the rest, on their
 * own: a 50 MB analysis or 10,000 fuzz cases on the other core would be
 * measured with them.
 */
const TIMED = ['tests/robustness/workspace.test.ts', 'tests/robustness/regex.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30000,
    reporters: ['default', './tests/reporters/summary.ts'],
    projects: [
      { extends: true, test: { name: 'main', include: ['tests/**/*.test.ts'], exclude: TIMED, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'timed', include: TIMED, sequence: { groupOrder: 1 }, fileParallelism: false } },
    ],
  },
});
