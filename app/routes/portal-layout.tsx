import { Outlet } from 'react-router';
import { PortalChrome } from '../components/PortalChrome.tsx';

/** Frame of every public portal page. */
export default function PortalLayout() {
  return (
    <PortalChrome>
      <Outlet />
    </PortalChrome>
  );
}
