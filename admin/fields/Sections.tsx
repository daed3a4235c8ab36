import { Box, Typography } from '@mui/material';
import { Children, isValidElement, type ReactNode } from 'react';
import { Labeled, useTranslate } from 'react-admin';

const GRID = {
  display: 'grid',
  gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' },
  columnGap: 2,
} as const;

/** Spans both columns of a section (long text, tables). */
export const WIDE = { gridColumn: '1 / -1' } as const;

const SectionTitle = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 1, mb: 1 }}>
      {translate(title)}
    </Typography>
  );
};

/** A titled group of inputs in two columns (one on a narrow screen). */
export const FormSection = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="section" sx={{ width: '100%' }}>
    <SectionTitle title={title} />
    <Box sx={GRID}>{children}</Box>
  </Box>
);

/** A titled group of fields, each with its translated label, in two columns. */
export const ShowSection = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="section" sx={{ width: '100%', mb: 2 }}>
    <SectionTitle title={title} />
    <Box sx={{ ...GRID, rowGap: 1.5 }}>
      {Children.map(children, (child) =>
        isValidElement<{ source?: string; sx?: object }>(child) ? (
          <Labeled key={child.props.source} sx={child.props.sx}>
            {child}
          </Labeled>
        ) : null,
      )}
    </Box>
  </Box>
);
