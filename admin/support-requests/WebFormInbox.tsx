import InboxIcon from '@mui/icons-material/MoveToInbox';
import { Badge } from '@mui/material';
import { Menu, useCanAccess, useTranslate } from 'react-admin';
import { useBadges } from '../dashboard/useDashboard';

/** The coordinators' queue of web-form requests nobody has taken up yet. */
export const WEB_INBOX_FILTER = { channel: 'web_form', status: 'received' };

export const webInboxPath = `/support-requests?filter=${encodeURIComponent(JSON.stringify(WEB_INBOX_FILTER))}`;

/** The queue in the menu, with how many requests wait in it (refreshed every minute). */
export const WebFormInboxMenuItem = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'support-requests', action: 'edit' });
  // One GET /api/badges answers every badge of the menu.
  const { data } = useBadges(!!canAccess);
  if (!canAccess) return null;
  const count = data?.web_inbox ?? 0;
  return (
    <Menu.Item
      to={webInboxPath}
      primaryText={translate('casework.inbox.menu')}
      aria-label={translate('casework.inbox.menu_count', { smart_count: count })}
      leftIcon={
        <Badge badgeContent={count} color="error" max={99}>
          <InboxIcon />
        </Badge>
      }
    />
  );
};
