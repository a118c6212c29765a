import { defineConfig } from 'vitest/config';

// Timeouts catch a hung test, not a slow one: the suite must pass on a loaded 2-core machine, where a
// test that takes 3 s alone can take four times that. None of them measures time.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
