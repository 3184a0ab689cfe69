import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests start real loopback servers; keep them in separate processes so one suite's
    // sockets and timers never bleed into another's.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
