import { resolve } from 'node:path';
import { isIP } from 'node:net';
import type { DatabaseTarget } from '../db/database.js';
import { checkPublicUrl } from '../domain/papers/public-url.js';
import { PASSWORD_POLICIES, type PasswordPolicy } from '../domain/people/password.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  /** Load the demo region, accounts and catalog into an empty database. */
  demo: boolean;
  production: boolean;
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  login: { maxFailures: number; lockMinutes: number };
  /** Public progress lookups allowed per address and minute (guessing case numbers is slowed down). */
  progressPerMinute: number;
  /**
   * The window the per-address limits (sign-in attempts, progress lookups) count in: one minute. Tests widen it
   * so that a slow, busy machine cannot spread a burst over two windows.
   */
  rateLimitWindowMs: number;
  /**
   * Proxies whose X-Forwarded-For is believed (TRUST_PROXY: addresses, CIDRs or loopback/linklocal/uniquelocal).
   * Empty: the address is the connection's own, so no client can choose the address rate limits count by.
   */
  trustProxy: string[];
  /** PASSWORD_POLICY: 等保 (GB/T 22239) composition rules, or OWASP ASVS length plus a common-password list. */
  passwordPolicy: PasswordPolicy;
  timeZone: string;
  webDir: string;
  /**
   * PUBLIC_URL: the address villagers' phones open (QR codes and printed links). When set it overrides the
   * settings page; null leaves it to the settings page.
   */
  publicUrl: string | null;
  /**
   * OPEN311_FETCH_PRIVATE=1: Open311 material URLs may point at loopback/private/link-local addresses (tests, an
   * intranet file server). Off by default: a third party must not make the server fetch from inside the network.
   */
  open311FetchPrivate?: boolean;
  /** The most audit entries one Excel export carries (default AUDIT_EXPORT_MAX_ROWS, src/domain/audit.ts); tests lower it. */
  auditExportMaxRows?: number;
  /** The SMS provider (src/modules/notifications/sms.ts); null: none configured, SMS stay in the outbox. */
  sms: SmsConfig | null;
  /** Where uploaded files are kept (src/modules/files): a folder under DATA_DIR, or an S3-compatible bucket. */
  files: FileStorageConfig;
}

/** The default: DATA_DIR/files (FILES_DIR overrides the folder). */
export interface FolderStorageConfig {
  kind: 'folder';
  dir: string;
}

/** S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (all five), S3_PREFIX optional. */
export interface S3StorageConfig {
  kind: 's3';
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** keys are the content hash, under this prefix when set */
  prefix: string;
  timeoutMs: number;
}

export type FileStorageConfig = FolderStorageConfig | S3StorageConfig;

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** No S3_* at all: the folder. Some but not all: the start stops and says which are missing (files must not go astray). */
export function fileStorageConfigFrom(env: NodeJS.ProcessEnv, dataDir: string): FileStorageConfig {
  const value = (name: string) => env[name]?.trim() ?? '';
  const given = S3_VARIABLES.filter((name) => value(name) !== '');
  if (given.length === 0) return { kind: 'folder', dir: resolve(env.FILES_DIR?.trim() || resolve(dataDir, 'files')) };
  const missing = S3_VARIABLES.filter((name) => value(name) === '');
  if (missing.length > 0) {
    throw new Error(
      `已设置 ${given.join('、')}，但缺少 ${missing.join('、')}，S3 文件存储配置不完整。请补充后再启动；如不使用 S3，请删去全部 S3_ 开头的变量，文件将保存在 DATA_DIR/files 文件夹。`,
    );
  }
  const endpoint = value('S3_ENDPOINT');
  if (!/^https?:\/\/[^/\s]+/i.test(endpoint)) {
    throw new Error(`S3_ENDPOINT 应为存储服务的地址，如 http://192.168.1.20:9000 或 https://oss-cn-hangzhou.aliyuncs.com，当前为“${endpoint}”。`);
  }
  return {
    kind: 's3',
    endpoint,
    bucket: value('S3_BUCKET'),
    region: value('S3_REGION'),
    accessKeyId: value('S3_ACCESS_KEY_ID'),
    secretAccessKey: value('S3_SECRET_ACCESS_KEY'),
    prefix: value('S3_PREFIX'),
    timeoutMs: intFrom(env.S3_TIMEOUT_MS, 30_000),
  };
}

/**
 * SMS_PROVIDER=aliyun with SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET, SMS_SIGN_NAME (SMS_ENDPOINT defaults to
 * https://dysmsapi.aliyuncs.com); each template's provider code in SMS_TEMPLATE_<CODE> (or the setting of that name).
 */
export interface SmsConfig {
  provider: 'aliyun';
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  endpoint: string;
  /** the provider's template codes by setting name (SMS_TEMPLATE_CASE_ACCEPTED …) from the environment */
  templateCodes: Record<string, string>;
  /** how long one request may take before it counts as failed (and is tried again) */
  timeoutMs: number;
}

/** A provider named but not fully configured stops the start: messages must not silently pile up. */
export function smsConfigFrom(env: NodeJS.ProcessEnv): SmsConfig | null {
  const provider = env.SMS_PROVIDER?.trim();
  if (!provider) return null;
  if (provider !== 'aliyun') throw new Error(`SMS_PROVIDER 目前只支持 aliyun（阿里云短信），当前为“${provider}”。`);
  const need = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new Error(`已设置 SMS_PROVIDER=aliyun，但缺少 ${name}，请补充后再启动。`);
    return value;
  };
  const templateCodes: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (key.startsWith('SMS_TEMPLATE_') && value?.trim()) templateCodes[key] = value.trim();
  return {
    provider,
    accessKeyId: need('SMS_ACCESS_KEY_ID'),
    accessKeySecret: need('SMS_ACCESS_KEY_SECRET'),
    signName: need('SMS_SIGN_NAME'),
    endpoint: env.SMS_ENDPOINT?.trim() || 'https://dysmsapi.aliyuncs.com',
    templateCodes,
    timeoutMs: intFrom(env.SMS_TIMEOUT_MS, 10_000),
  };
}

function intFrom(value: string | undefined, fallback: number): number {
  const parsed = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** The proxy-addr names Fastify understands for whole ranges, besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY as a list; a typo must stop the start, not silently trust nobody (or everybody). */
export function parseTrustProxy(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const ok =
      PROXY_RANGE_NAMES.includes(entry) ||
      (rest.length === 0 && isIP(address ?? '') !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits)));
    if (!ok) throw new Error(`TRUST_PROXY 中的“${entry}”不是 IP 地址或网段（如 127.0.0.1、10.0.0.0/8、loopback），请改正后再启动。`);
  }
  return entries;
}

function passwordPolicyFrom(value: string | undefined): PasswordPolicy {
  if (value === undefined || value === '') return 'dengbao';
  if ((PASSWORD_POLICIES as readonly string[]).includes(value)) return value as PasswordPolicy;
  throw new Error(`PASSWORD_POLICY 只能是 dengbao（等保）或 asvs，当前为“${value}”。`);
}

/** A zone the runtime does not know would break every deadline at the first case: refused at start. */
function timeZoneFrom(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value.trim() });
  } catch {
    throw new Error(`TZ_CENTER 应为时区名称（如 Asia/Shanghai、Asia/Urumqi），当前为“${value}”。`);
  }
  return value.trim();
}

/** A wrong PUBLIC_URL stops the start: papers printed with a broken link cannot be taken back. */
function publicUrlFrom(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  const check = checkPublicUrl(value);
  if (!check.ok) throw new Error(`环境变量 PUBLIC_URL 有误：${check.message}`);
  return check.url;
}

/** Configuration comes from the environment (PORT, DATA_DIR, DATABASE_URL …) and the command line flags. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, flags: { demo?: boolean } = {}): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const database: DatabaseTarget = env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'sqlite', file: resolve(dataDir, 'bianmin.sqlite') };
  return {
    port: intFrom(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    database,
    demo: flags.demo ?? (env.BIANMIN_DEMO ? env.BIANMIN_DEMO !== '0' : !production),
    production,
    session: {
      idleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 30),
      absoluteHours: intFrom(env.SESSION_ABSOLUTE_HOURS, 12),
      secureCookie: env.COOKIE_SECURE ? env.COOKIE_SECURE === '1' : false,
    },
    login: { maxFailures: intFrom(env.LOGIN_MAX_FAILURES, 5), lockMinutes: intFrom(env.LOGIN_LOCK_MINUTES, 15) },
    progressPerMinute: intFrom(env.PROGRESS_PER_MINUTE, 20),
    rateLimitWindowMs: 60_000,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    passwordPolicy: passwordPolicyFrom(env.PASSWORD_POLICY),
    timeZone: timeZoneFrom(env.TZ_CENTER),
    webDir: resolve(env.WEB_DIR ?? 'dist/web'),
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    open311FetchPrivate: env.OPEN311_FETCH_PRIVATE === '1',
    sms: smsConfigFrom(env),
    files: fileStorageConfigFrom(env, dataDir),
  };
}
