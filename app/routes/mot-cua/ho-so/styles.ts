import { adminDataLinks } from '../../../components/admin-styles.ts';
import badgeCss from '../../../components/badge.css?url';
import dossiersCss from './dossiers.css?url';

/** `links` of the dossier screens: the data-screen stylesheet, badges and their own. */
export function dossierLinks() {
  return [
    ...adminDataLinks(),
    { rel: 'stylesheet', href: badgeCss },
    { rel: 'stylesheet', href: dossiersCss },
  ];
}
