import { adminDataLinks } from '../../../components/admin-styles.ts';
import proceduresAdminCss from '../../../components/procedures-admin.css?url';

/** `links` of the procedure catalog and guide screens: the data-screen stylesheet and their own. */
export function proceduresAdminLinks() {
  return [...adminDataLinks(), { rel: 'stylesheet', href: proceduresAdminCss }];
}
