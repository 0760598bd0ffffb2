import adminDataCss from './admin-data.css?url';

/** `links` of the back-office data screens: their stylesheet (tables, filters, the year calendar). */
export function adminDataLinks() {
  return [{ rel: 'stylesheet', href: adminDataCss }];
}
