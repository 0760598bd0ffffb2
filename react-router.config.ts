import type { Config } from '@react-router/dev/config';

/** Server-rendered React Router app; the built server module is mounted inside Fastify (src/http/web.ts). */
export default {
  appDirectory: 'app',
  // BUILD_DIR lets parallel work build into its own folder (the tests read the same variable).
  buildDirectory: process.env.BUILD_DIR ?? 'build',
  ssr: true,
} satisfies Config;
