import { isUuid, orErrorPage } from '../../../lib/backoffice.server.ts';
import { requireOfficial } from '../../../lib/auth.server.ts';
import { failWith } from '../../../lib/http.ts';
import type { Route } from './+types/file.ts';

/** GET /mot-cua/xuat-du-lieu/:id/tep: the finished file, for the official who asked for it (404 for anyone else). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const w = requireOfficial(context, request);
  if (!isUuid(params.id)) failWith(404);
  const file = await orErrorPage(w.services.exports.download(w.auth, w.actor, params.id));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.mediaType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'content-length': String(file.bytes.byteLength),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
