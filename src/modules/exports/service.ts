import { createHash } from 'node:crypto';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { sql } from 'kysely';
import { formatDateTime } from '../../domain/datetime.ts';
import type { z } from 'zod';
import type { Grant } from '../../domain/permissions.ts';
import type { Selectable } from 'kysely';
import type { ExportsTable } from '../../db/types.ts';
import { AppError, NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.ts';
import { enqueue } from '../../jobs/outbox.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Actor } from '../audit/audit.ts';
import type { ModuleDeps } from '../deps.ts';
import { assertOfficial } from '../dossiers/detail.ts';
import { checkFonts, notoSansFiles } from '../printing/fonts.ts';
import type { FontFiles } from '../printing/fonts.ts';
import { PdfRenderer } from '../printing/render.ts';
import type { ExportFormat, Row } from './columns.ts';
import { EXPORT_TTL_DAYS, MEDIA_TYPES } from './columns.ts';
import { writeExport } from './engine.ts';
import type { ExportKind } from './kinds.ts';
import { exportKinds } from './registry.ts';
import type { ExportSources } from './registry.ts';
import { ExportRequest } from './schema.ts';
import type { ExportKindName, ExportView } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses with a zod schema; a failure is a ValidationError naming every field (the message names it too). */
function checked<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new ValidationError(
    r.error.issues.map((i) => ({ field: `${prefix}${i.path.join('.')}`, message: i.message })),
    r.error.issues.map((i) => i.message).join('; '),
  );
}

const view = (r: Selectable<ExportsTable>): ExportView => ({
  id: r.id,
  kind: r.kind,
  format: r.format as ExportFormat,
  status: r.status,
  rowsDone: r.rows_done,
  rowsTotal: r.rows_total,
  fileName: r.file_name,
  size: r.size,
  error: r.error,
  createdAt: r.created_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
  expiresAt: r.expires_at.toISOString(),
});

/**
 * Exports of lists and reports in open formats (Annex V.20), made in the background: a request is a
 * row and an outbox event; a worker writes the file batch by batch, recording progress and yielding
 * between batches so that requests served by the same process keep their latency; only the official
 * who asked may download it, until it expires.
 */
export class ExportsService {
  private readonly deps: ModuleDeps;
  private readonly kinds: Readonly<Record<ExportKindName, ExportKind>>;
  private readonly renderer: PdfRenderer;

  constructor(deps: ModuleDeps & ExportSources & { fonts?: FontFiles }) {
    this.deps = deps;
    this.kinds = exportKinds(deps);
    this.renderer = new PdfRenderer(checkFonts(deps.fonts ?? notoSansFiles()));
  }

  private get db() {
    return this.deps.database.db;
  }

  /** Queues an export of what the caller may list now; the worker lists it again with their rights. */
  async request(auth: AuthContext | undefined, actor: Actor, input: ExportRequest): Promise<ExportView> {
    assertOfficial(auth);
    const body = checked(ExportRequest, input, '');
    const kind = this.kinds[body.kind];
    const filter: unknown = checked(kind.filter, body.filter, 'filter.');
    // Now: a filter the caller may not use fails here, not later in the background.
    await kind.check(auth, filter);
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('exports')
        .values({
          account_id: auth.account.id,
          kind: body.kind,
          filter: JSON.stringify(filter),
          format: body.format,
          expires_at: new Date(Date.now() + EXPORT_TTL_DAYS * 86_400_000),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await enqueue(trx, 'export.run', { exportId: created.id });
      await appendAudit(trx, actor, {
        action: 'export.request',
        entityType: 'export',
        entityId: created.id,
        details: { kind: body.kind, format: body.format, filter },
      });
      return created;
    });
    this.deps.afterCommit();
    return view(row);
  }

  /** The caller's own exports, newest first. */
  async list(auth: AuthContext | undefined): Promise<ExportView[]> {
    if (!auth) throw new UnauthenticatedError();
    const rows = await this.db
      .selectFrom('exports')
      .selectAll()
      .where('account_id', '=', auth.account.id)
      .where('expires_at', '>', new Date())
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
    return rows.map(view);
  }

  /** The finished file, for the official who asked for it and nobody else (others get "not found"). */
  async download(
    auth: AuthContext | undefined,
    actor: Actor,
    id: string,
  ): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }> {
    if (!auth) throw new UnauthenticatedError();
    const row = UUID.test(id)
      ? await this.db
          .selectFrom('exports as e')
          .innerJoin('blobs as b', 'b.sha256', 'e.blob_sha256')
          .select(['e.id', 'e.format', 'e.file_name', 'b.content'])
          .where('e.id', '=', id)
          .where('e.account_id', '=', auth.account.id)
          .where('e.status', '=', 'done')
          .where('e.expires_at', '>', new Date())
          .executeTakeFirst()
      : undefined;
    if (!row) throw new NotFoundError('Không tìm thấy tệp xuất dữ liệu');
    await this.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, actor, { action: 'export.download', entityType: 'export', entityId: row.id }),
      );
    const format = row.format as ExportFormat;
    return {
      fileName: row.file_name ?? `export.${format}`,
      mediaType: MEDIA_TYPES[format],
      bytes: row.content,
    };
  }

  /** The worker's part: writes the file, recording progress after every batch. */
  async run(id: string): Promise<void> {
    const job = await this.db
      .updateTable('exports')
      .set({ status: 'running', started_at: new Date(), rows_done: 0, error: null })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .returningAll()
      .executeTakeFirst();
    if (!job) return; // done, failed or purged already: a repeated job does nothing
    const actor: Actor = { accountId: job.account_id, name: null, ip: null };
    try {
      const auth = await this.authOf(job.account_id);
      const kind = this.kinds[job.kind];
      const filter: unknown = kind.filter.parse(job.filter);
      const total = (await kind.estimate?.(auth, filter)) ?? null;
      await this.db.updateTable('exports').set({ rows_total: total }).where('id', '=', id).execute();
      const format = job.format as ExportFormat;
      const bytes = await writeExport(
        format,
        {
          title: kind.title,
          columns: kind.columns(filter),
          batches: this.withProgress(id, kind.batches(auth, filter)),
        },
        { renderer: this.renderer, xmlRoot: kind.xmlRoot },
      );
      await this.finish(id, actor, format, bytes, kind.fileStem);
    } catch (err) {
      const message = err instanceof AppError ? err.message : 'Lỗi hệ thống khi tạo tệp';
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('exports')
          .set({ status: 'failed', error: message.slice(0, 500), finished_at: new Date() })
          .where('id', '=', id)
          .execute();
        await appendAudit(trx, actor, {
          action: 'export.fail',
          entityType: 'export',
          entityId: id,
          details: { error: message },
        });
      });
      if (!(err instanceof AppError)) throw err;
    }
  }

  private async *withProgress(
    id: string,
    batches: AsyncIterable<readonly Row[]>,
  ): AsyncGenerator<readonly Row[]> {
    let done = 0;
    for await (const batch of batches) {
      yield batch;
      done += batch.length;
      await this.db.updateTable('exports').set({ rows_done: done }).where('id', '=', id).execute();
      // Between batches the event loop serves whatever else is waiting (the export is not urgent).
      await yieldToOthers();
    }
  }

  private async finish(
    id: string,
    actor: Actor,
    format: ExportFormat,
    bytes: Uint8Array,
    fileStem: string,
  ): Promise<void> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The name carries the local time the list shows (YYYYMMDD-HHmmss, Vietnam time).
    const [day = '', time = ''] = formatDateTime(new Date()).split(' ');
    const stamp = `${day.split('/').reverse().join('')}-${time.replaceAll(':', '')}`;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('blobs')
        .values({ sha256, media_type: MEDIA_TYPES[format], size: bytes.length, content: bytes })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      const row = await trx
        .updateTable('exports')
        .set({
          status: 'done',
          blob_sha256: sha256,
          file_name: `${fileStem}-${stamp}.${format}`,
          size: bytes.length,
          finished_at: new Date(),
        })
        .where('id', '=', id)
        .returning('rows_done')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'export.done',
        entityType: 'export',
        entityId: id,
        details: { format, rows: row.rows_done, size: bytes.length },
      });
    });
  }

  /** The owner's rights as they are now (not when they asked): a disabled account exports nothing. */
  private async authOf(accountId: string): Promise<AuthContext> {
    const a = await this.db
      .selectFrom('accounts as a')
      .select(['a.id', 'a.kind', 'a.username', 'a.full_name', 'a.email', 'a.status'])
      .select(sql<Grant[]>`account_grants(a.id)`.as('grants'))
      .where('a.id', '=', accountId)
      .executeTakeFirst();
    if (a?.status !== 'active' || a.kind !== 'official') throw new UnauthenticatedError();
    return {
      sessionId: 'export-job',
      account: { id: a.id, kind: a.kind, username: a.username, fullName: a.full_name, email: a.email },
      grants: a.grants,
    };
  }

  /** Deletes expired exports, and their files when no other row uses the same content. */
  async purgeExpired(now = new Date()): Promise<number> {
    const gone = await this.db
      .deleteFrom('exports')
      .where('expires_at', '<=', now)
      .returning('blob_sha256')
      .execute();
    const blobs = new Set(gone.map((g) => g.blob_sha256).filter((s): s is string => s !== null));
    for (const sha256 of blobs) {
      try {
        await this.db
          .deleteFrom('blobs')
          .where('sha256', '=', sha256)
          .where((eb) =>
            eb.not(eb.exists(eb.selectFrom('exports').select('id').where('blob_sha256', '=', sha256))),
          )
          .execute();
      } catch {
        // Still referenced elsewhere (the same bytes uploaded as a dossier file): the blob stays.
      }
    }
    return gone.length;
  }
}
