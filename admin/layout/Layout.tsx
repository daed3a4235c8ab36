import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AccountAppBar } from '../account';
import { PickersProvider } from '../fields/PickersProvider';
import { Menu } from './Menu';

// The default app bar already offers the language menu (two locales); its user menu adds the account pages.
export const Layout = ({ children }: { children: ReactNode }) => (
  <PickersProvider>
    <RaLayout menu={Menu} appBar={AccountAppBar}>
      {children}
    </RaLayout>
  </PickersProvider>
);
