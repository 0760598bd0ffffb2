import { adminDataLinks } from '../../../components/admin-styles.ts';
import badgeCss from '../../../components/badge.css?url';
import proceduresAdminCss from '../../../components/procedures-admin.css?url';

/** `links` of the procedure catalog and guide screens: the data-screen stylesheet and their own. */
export function proceduresAdminLinks() {
  return [
    ...adminDataLinks(),
    { rel: 'stylesheet', href: badgeCss },
    { rel: 'stylesheet', href: proceduresAdminCss },
  ];
}
