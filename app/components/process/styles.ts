import processDiagramCss from './process-diagram.css?url';

/** `links` of any page showing a process diagram or the designer. */
export function processDiagramLinks() {
  return [{ rel: 'stylesheet', href: processDiagramCss }];
}
