import InboxIcon from '@mui/icons-material/MoveToInbox';
import { Badge } from '@mui/material';
import { Menu, useCanAccess, useGetList, useTranslate } from 'react-admin';

/** The coordinators' queue of web-form requests nobody has taken up yet. */
export const WEB_INBOX_FILTER = { channel: 'web_form', status: 'received' };

export const webInboxPath = `/support-requests?filter=${encodeURIComponent(JSON.stringify(WEB_INBOX_FILTER))}`;

/** The queue in the menu, with how many requests wait in it (refreshed every minute). */
export const WebFormInboxMenuItem = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'support-requests', action: 'edit' });
  const { total } = useGetList(
    'support-requests',
    { pagination: { page: 1, perPage: 1 }, filter: WEB_INBOX_FILTER, sort: { field: 'id', order: 'DESC' } },
    { enabled: !!canAccess, refetchInterval: 60_000 },
  );
  if (!canAccess) return null;
  const count = total ?? 0;
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
