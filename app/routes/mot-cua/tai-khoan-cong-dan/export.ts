import { redirect } from 'react-router';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { optional, textFields } from '../../../lib/forms.ts';
import type { Route } from './+types/export.ts';
import { KINDS, STATUSES } from './labels.ts';

const FORMATS = ['csv', 'json', 'xml'] as const;

const oneOf = <T extends string>(list: readonly T[], value: string): T | undefined =>
  (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** A GET here (a bookmark, a reload) goes back to the search; the export itself is a POST. */
export function loader() {
  return redirect('/mot-cua/tai-khoan-cong-dan');
}

/**
 * POST /mot-cua/tai-khoan-cong-dan/xuat: every account matching the search, as a CSV, JSON or XML file.
 * Streamed straight from the service's batches (memory stays flat); the service audits the export.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const w = requireOfficial(context, request, 'accounts.manage');
  const v = textFields(await request.formData(), ['q', 'kind', 'status', 'format']);
  const kind = oneOf(KINDS, v.kind);
  const status = oneOf(STATUSES, v.status);
  const q = optional(v.q.slice(0, 100));
  const filter = { ...(q ? { q } : {}), ...(kind ? { kind } : {}), ...(status ? { status } : {}) };
  const out = await w.services.accountsAdmin.export(
    w.auth,
    filter,
    oneOf(FORMATS, v.format) ?? 'csv',
    w.actor,
  );
  const encoder = new TextEncoder();
  const chunks = out.chunks;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': out.contentType,
      'content-disposition': `attachment; filename="${out.filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
