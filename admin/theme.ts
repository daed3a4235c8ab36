import { defaultTheme, type RaThemeOptions } from 'react-admin';

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

/** The theme without the console's list defaults: the login page uses it before react-admin loads. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: { ...(defaultTheme.typography as object), fontFamily: FONT_FAMILY },
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
