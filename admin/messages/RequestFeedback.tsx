import { Card, CardContent, Rating, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type Identifier, useLocaleState, useTranslate } from 'react-admin';
import { formatTokyo } from '../format';
import { getJson } from '../providers/api';
import { languageName } from '../../server/domain/iso';

type Feedback = { rating: number; comment: string | null; language: string; created_at: string } | null;

/** The resident's own rating of the help and their comment, as written (never shown to volunteers). */
export const RequestFeedback = ({ requestId }: { requestId: Identifier }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useQuery({
    queryKey: ['request-feedback', requestId],
    queryFn: () => getJson<Feedback>(`/support-requests/${requestId}/feedback`),
  });
  if (!data) return null;
  return (
    <Card variant="outlined" data-testid="request-feedback">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('outbox.feedback.title')}
        </Typography>
        <Rating value={data.rating} readOnly aria-label={translate('outbox.feedback.rating', { rating: data.rating })} />
        <Typography variant="body2" color="text.secondary">
          {translate('outbox.feedback.rating', { rating: data.rating })} · {formatTokyo(data.created_at)} ·{' '}
          {data.language === 'ja-easy'
            ? translate('outbox.feedback.easy_japanese')
            : languageName(data.language, locale === 'ja' ? 'ja' : 'en')}
        </Typography>
        {data.comment ? (
          <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>
            {data.comment}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
};
