import type { Route } from './+types/export.ts';
import { requireCatalog } from './access.server.ts';

/**
 * GET /mot-cua/thu-tuc/xuat: the catalog in the national LayThuTuc shape (II.1.3) as a JSON file:
 * published versions, or the working drafts with `?drafts=true`.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const w = requireCatalog(context, request);
  const drafts = new URL(request.url).searchParams.get('drafts') === 'true';
  const out = await w.services.procedureSync.exportNational(w.auth, { drafts });
  const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).replaceAll('-', '');
  const name = `thu-tuc-${drafts ? 'ban-nhap-' : ''}${day}.json`;
  return new Response(JSON.stringify(out, null, 1), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
