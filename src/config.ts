import { resolve } from 'node:path';
import { z } from 'zod';

/** Validated configuration. Read once at start; every outside name is documented in the README. */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(20),
  // How long a request waits for a pool connection before it is told the system is busy (503).
  DB_POOL_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  // Listening sockets sharing the port (SO_REUSEPORT, Linux only): src/http/listen.ts says why.
  ACCEPT_SOCKETS: z.coerce
    .number()
    .int()
    .min(1)
    .max(256)
    .default(process.platform === 'linux' ? 64 : 1),
  PUBLIC_URL: z.url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  MAX_SESSIONS_PER_ACCOUNT: z.coerce.number().int().min(1).max(100).default(3),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  CAPTCHA_AFTER_FAILURES: z.coerce.number().int().min(0).max(100).default(2),
  CAPTCHA_DIFFICULTY: z.coerce.number().int().min(1000).max(10_000_000).default(50_000),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Cổng Dịch vụ công <no-reply@dichvucong.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  WORKERS: bool.default(true),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  dbPoolWaitMs: number;
  acceptSockets: number;
  publicUrl: string;
  sessionSecret: string;
  sessionTtlHours: number;
  maxSessionsPerAccount: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  captchaAfterFailures: number;
  captchaDifficulty: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  trustProxy: boolean;
  workers: boolean;
}>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const DEV_SECRET = 'dev-only-secret-do-not-use-in-production-0123456789';

/** Parses the environment; throws ConfigError naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production') {
    if (!e.SESSION_SECRET)
      problems.push('SESSION_SECRET: bắt buộc khi NODE_ENV=production (ít nhất 32 ký tự)');
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL: bắt buộc khi NODE_ENV=production');
    if (!e.SMTP_URL) problems.push('SMTP_URL: bắt buộc khi NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    // `memory://` (embedded database in memory, for tests) is not a path: resolve() would turn it into ./memory:
    dataDir: e.DATA_DIR.startsWith('memory://') ? e.DATA_DIR : resolve(e.DATA_DIR),
    dbPoolSize: e.DB_POOL_SIZE,
    dbPoolWaitMs: e.DB_POOL_WAIT_MS,
    acceptSockets: e.ACCEPT_SOCKETS,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET ?? DEV_SECRET,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    maxSessionsPerAccount: e.MAX_SESSIONS_PER_ACCOUNT,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    captchaAfterFailures: e.CAPTCHA_AFTER_FAILURES,
    captchaDifficulty: e.CAPTCHA_DIFFICULTY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    workers: e.WORKERS,
  };
}
