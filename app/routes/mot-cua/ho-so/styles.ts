import { adminDataLinks } from '../../../components/admin-styles.ts';
import badgeCss from '../../../components/badge.css?url';
import { processDiagramLinks } from '../../../components/process/styles.ts';
import dossiersCss from './dossiers.css?url';

/** `links` of the dossier screens: the data-screen stylesheet, badges, the process diagram and their own. */
export function dossierLinks() {
  return [
    ...adminDataLinks(),
    { rel: 'stylesheet', href: badgeCss },
    { rel: 'stylesheet', href: dossiersCss },
    ...processDiagramLinks(),
  ];
}
