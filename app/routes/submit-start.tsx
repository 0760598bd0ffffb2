import { redirect } from 'react-router';

/**
 * /nop-ho-so: applying online starts from a procedure. The menu and the home page lead here; the
 * citizen lands on the catalog filtered to procedures done entirely online, and each procedure page's
 * "Nộp hồ sơ trực tuyến" button opens /nop-ho-so/:code.
 */
export function loader() {
  return redirect('/thu-tuc-hanh-chinh?onlineLevel=full');
}
