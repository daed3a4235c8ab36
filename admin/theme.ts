import { createElement } from 'react';
import { defaultTheme, type RaThemeOptions } from 'react-admin';
import { ListPagination } from './layout/ListPagination';

// System fonts only: the CSP allows no font CDN. "Noto Sans JP" is used when installed.
const FONT_FAMILY = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Noto Sans JP"',
  'Meiryo',
  'sans-serif',
].join(', ');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: { ...(defaultTheme.typography as object), fontFamily: FONT_FAMILY },
  components: {
    ...defaultTheme.components,
    // Every <List>'s pagination, unless a list names its own.
    RaList: { defaultProps: { pagination: createElement(ListPagination) } },
  },
};

/**
 * Japanese has no spaces to break at, so a narrow column splits words anywhere (「交通/費」,
 * 「精算済みにす/る」). Headers and buttons keep their words whole; a wide table scrolls instead.
 */
theme.components = {
  ...theme.components,
  MuiTableCell: {
    ...defaultTheme.components?.MuiTableCell,
    styleOverrides: { ...defaultTheme.components?.MuiTableCell?.styleOverrides, head: { whiteSpace: 'nowrap' } },
  },
  MuiButton: { styleOverrides: { root: { whiteSpace: 'nowrap', flexShrink: 0 } } },
  MuiTableContainer: { styleOverrides: { root: { overflowX: 'auto' } } },
};
