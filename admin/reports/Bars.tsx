import { Box, Typography } from '@mui/material';

export type BarSeries = { label: string; data: (number | null)[]; color: string };

type Props = {
  /** `horizontal`: a row per category (long labels); `vertical`: a column per category. */
  layout: 'horizontal' | 'vertical';
  categories: string[];
  series: BarSeries[];
  format: (value: number | null) => string;
};

const Legend = ({ series }: { series: BarSeries[] }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, my: 1 }} aria-hidden>
    {series.map((s) => (
      <Box key={s.label} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <Box sx={{ width: 12, height: 12, bgcolor: s.color, borderRadius: 0.5 }} />
        <Typography variant="caption">{s.label}</Typography>
      </Box>
    ))}
  </Box>
);

/** Share of the largest value, in percent; a bar of a value above zero stays visible. */
const share = (value: number | null, max: number) => (value && max > 0 ? Math.max((value / max) * 100, 1) : 0);

/**
 * Grouped bars drawn with boxes: every bar carries its value, so no axis is needed. The table
 * under each chart lists the same figures for screen readers, so the chart is only a picture.
 */
export const Bars = ({ layout, categories, series, format }: Props) => {
  const max = Math.max(0, ...series.flatMap((s) => s.data.map((v) => v ?? 0)));
  const title = (category: string, s: BarSeries, value: number | null) => `${category} — ${s.label}: ${format(value)}`;
  if (layout === 'horizontal') {
    return (
      <Box aria-hidden>
        <Legend series={series} />
        <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(6em, max-content) 1fr', columnGap: 1.5, rowGap: 1, alignItems: 'center' }}>
          {categories.map((category, i) => (
            <Box key={category} sx={{ display: 'contents' }}>
              <Typography variant="body2" sx={{ textAlign: 'right' }}>
                {category}
              </Typography>
              <Box>
                {series.map((s) => (
                  <Box
                    key={s.label}
                    sx={{ display: 'flex', alignItems: 'center', gap: 0.75, height: 14 }}
                    title={title(category, s, s.data[i] ?? null)}
                  >
                    <Box sx={{ width: `${share(s.data[i] ?? null, max) * 0.85}%`, height: 10, bgcolor: s.color, borderRadius: 0.5 }} />
                    <Typography variant="caption" sx={{ lineHeight: 1 }}>
                      {format(s.data[i] ?? null)}
                    </Typography>
                  </Box>
                ))}
              </Box>
            </Box>
          ))}
        </Box>
      </Box>
    );
  }
  return (
    <Box aria-hidden>
      <Legend series={series} />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'stretch', borderBottom: 1, borderColor: 'divider' }}>
        {categories.map((category, i) => (
          <Box key={category} sx={{ flex: 1, display: 'flex', gap: 0.5, alignItems: 'flex-end', justifyContent: 'center', height: 220 }}>
            {series.map((s) => (
              <Box
                key={s.label}
                title={title(category, s, s.data[i] ?? null)}
                sx={{ flex: 1, maxWidth: 36, display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', height: '100%' }}
              >
                <Typography variant="caption" sx={{ textAlign: 'center', lineHeight: 1.2, whiteSpace: 'nowrap' }}>
                  {format(s.data[i] ?? null)}
                </Typography>
                <Box sx={{ height: `${share(s.data[i] ?? null, max) * 0.85}%`, bgcolor: s.color, borderRadius: '2px 2px 0 0' }} />
              </Box>
            ))}
          </Box>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 2, mt: 0.5 }}>
        {categories.map((category) => (
          <Typography key={category} variant="body2" sx={{ flex: 1, textAlign: 'center' }}>
            {category}
          </Typography>
        ))}
      </Box>
    </Box>
  );
};
