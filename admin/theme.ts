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
