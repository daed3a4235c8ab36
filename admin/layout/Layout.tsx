import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Logout, UserMenu } from 'react-admin';
import { TotpMenuItem } from '../totp';
import { Menu } from './Menu';

// The default app bar offers the language menu (two locales); the user menu adds 二段階認証.
const StaffUserMenu = () => (
  <UserMenu>
    <TotpMenuItem />
    <Logout />
  </UserMenu>
);
const StaffAppBar = () => <AppBar userMenu={<StaffUserMenu />} />;

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={StaffAppBar}>
    {children}
  </RaLayout>
);
