import DevicesIcon from '@mui/icons-material/Devices';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { AppBar, Logout, UserMenu, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router';
import { TotpMenuItem } from '../totp';

/** 「ログイン中の端末」: the signed-in person's own sessions. */
const SessionsMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem ref={ref} {...props} component={Link} to="/account/sessions" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <DevicesIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('account.sessions.menu')}</ListItemText>
    </MenuItem>
  );
});
SessionsMenuItem.displayName = 'SessionsMenuItem';

/** The user menu (top right): one's own account pages, then sign-out. */
const AccountMenu = () => (
  <UserMenu>
    <TotpMenuItem />
    <SessionsMenuItem />
    <Logout />
  </UserMenu>
);

/** react-admin's app bar (language menu included) with the account menu. */
export const AccountAppBar = () => <AppBar userMenu={<AccountMenu />} />;
