import { web } from '../../context.ts';
import type { Route } from './+types/lookup.ts';
import { trackByForm } from './tracking.server.ts';
import { TrackingPage, trackingLinks } from './tracking-ui.tsx';

export const links = trackingLinks;

export async function loader({ request, context }: Route.LoaderArgs) {
  return trackByForm(web(context), new URL(request.url));
}

/** no-store on the document too, not only on the data request. */
export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { name: 'robots', content: 'noindex' },
  ...(loaderData ? [{ name: 'description', content: loaderData.description }] : []),
];

/** /tra-cuu-ho-so: tracking by the dossier code and the applicant's phone or identity number (II.19.1). */
export default function TrackingLookup({ loaderData }: Route.ComponentProps) {
  return <TrackingPage data={loaderData} />;
}
