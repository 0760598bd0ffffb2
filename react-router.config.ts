import type { Config } from '@react-router/dev/config';

/** Server-rendered React Router app; the built server module is mounted inside Fastify (src/http/web.ts). */
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  ssr: true,
} satisfies Config;
