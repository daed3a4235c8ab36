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

export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: { ...(defaultTheme.typography as object), fontFamily: FONT_FAMILY },
};
