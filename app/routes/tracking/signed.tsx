import { web } from '../../context.ts';
import type { Route } from './+types/signed.ts';
import { trackBySignedLink } from './tracking.server.ts';
import { TrackingPage, trackingLinks } from './tracking-ui.tsx';

export const links = trackingLinks;

export async function loader({ params, context }: Route.LoaderArgs) {
  return trackBySignedLink(web(context), params.code, params.token);
}

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { name: 'robots', content: 'noindex' },
  ...(loaderData ? [{ name: 'description', content: loaderData.description }] : []),
];

/** /tra-cuu-ho-so/:code/:token: the receipt's QR code (II.19.2), the answer without a second factor. */
export default function TrackingSignedLink({ loaderData }: Route.ComponentProps) {
  return <TrackingPage data={loaderData} signed />;
}
