import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the sink received it, with the plain-text body decoded. */
export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  headers: Map<string, string>;
  from: string;
  to: string;
  subject: string;
  text: string;
  raw: string;
}

/**
 * A local SMTP server that accepts every message (no TLS, no AUTH) and keeps it in memory, so tests
 * exercise the real outbox → queue → nodemailer → SMTP path. Point SMTP_URL at `sink.url`.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private waiters: { pred: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = [];
  private readonly server: SMTPServer;
  private port = 0;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const envelope = session.envelope;
          const mailFrom = envelope.mailFrom === false ? '' : envelope.mailFrom.address;
          this.receive(parseMail(Buffer.concat(chunks).toString('utf8'), mailFrom, envelope.rcptTo.map((r) => r.address)));
          callback(null, 'OK');
        });
      },
    });
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(0, '127.0.0.1', () => resolve());
    });
    sink.port = (sink.server.server.address() as AddressInfo).port;
    return sink;
  }

  /** SMTP_URL for the application; ignoreTLS because the sink speaks plain SMTP. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}?ignoreTLS=true`;
  }

  private receive(mail: ReceivedMail): void {
    this.messages.push(mail);
    const ready = this.waiters.filter((w) => w.pred(mail));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(mail);
  }

  /** Messages sent to `address` so far. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.envelopeTo.some((t) => t.toLowerCase() === address.toLowerCase()));
  }

  /** The first message (already received or still to come) matching `pred`. */
  waitFor(pred: (m: ReceivedMail) => boolean, timeoutMs = 15_000): Promise<ReceivedMail> {
    const found = this.messages.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        pred,
        resolve: (m: ReceivedMail) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching e-mail within ${timeoutMs} ms (received ${this.messages.length})`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Waits for the next message to `address`. */
  waitForMailTo(address: string, timeoutMs?: number): Promise<ReceivedMail> {
    return this.waitFor((m) => m.envelopeTo.some((t) => t.toLowerCase() === address.toLowerCase()), timeoutMs);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Minimal RFC 5322 / MIME parsing: unfolded headers, encoded words, quoted-printable or base64 text. */
export function parseMail(raw: string, envelopeFrom = '', envelopeTo: string[] = []): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = parseHeaders(head);
  return {
    envelopeFrom,
    envelopeTo,
    headers,
    from: decodeWords(headers.get('from') ?? ''),
    to: decodeWords(headers.get('to') ?? ''),
    subject: decodeWords(headers.get('subject') ?? ''),
    text: textOf(headers, body),
    raw,
  };
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

function textOf(headers: Map<string, string>, body: string): string {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const p = parseMail(part.replace(/^\r?\n/, ''));
      if (/^text\/plain/i.test(p.headers.get('content-type') ?? 'text/plain')) return p.text;
    }
    return '';
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

export function decodeQuotedPrintable(input: string): string {
  const joined = input.replace(/[ \t]+(\r?\n)/g, '$1').replace(/=\r?\n/g, '');
  return Buffer.from(qpBytes(joined)).toString('utf8').replace(/\r\n/g, '\n');
}

function qpBytes(input: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    const hex = input.slice(i + 1, i + 3);
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return bytes;
}

/** RFC 2047 encoded words (Q or B), adjacent ones joined before decoding as UTF-8. */
export function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;
  let out = '';
  let last = 0;
  let pending: number[] = [];
  const flush = () => {
    if (pending.length > 0) out += Buffer.from(pending).toString('utf8');
    pending = [];
  };
  for (const m of value.matchAll(word)) {
    const between = value.slice(last, m.index);
    if (!(pending.length > 0 && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    const [, , enc, text = ''] = m;
    if (enc?.toUpperCase() === 'B') pending.push(...Buffer.from(text, 'base64'));
    else pending.push(...qpBytes(text.replace(/_/g, ' ')));
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}
