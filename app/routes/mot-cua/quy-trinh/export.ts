import { isUuid, orErrorPage } from '../../../lib/backoffice.server.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/export.ts';
import { requireProcesses } from './access.server.ts';

/**
 * GET /mot-cua/quy-trinh/:id/xuat: one version of a process as a JSON file (format
 * dichvucong.quy-trinh/1), which "Nhập quy trình" of any procedure or deployment reads back.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireProcesses(context, request);
  if (!isUuid(params.id)) failWith(404);
  const out = await orErrorPage(w.services.processes.exportJson(w, params.id));
  const safe = out.procedureCode.replace(/[^A-Za-z0-9.-]/g, '_');
  const name = `quy-trinh-${safe}-v${out.version}${out.agencyCode ? `-${out.agencyCode.replace(/[^A-Za-z0-9.-]/g, '_')}` : ''}.json`;
  return new Response(JSON.stringify(out, null, 1), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
