import { failWith } from '../../lib/http.ts';

/** Unknown /mot-cua/* URLs: a 404 inside the back-office frame (after the sign-in check). */
export function loader() {
  failWith(404);
}

export default function NotFound() {
  return null;
}
