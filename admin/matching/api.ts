import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import { formatTokyo } from '../format';
import { getJson, getPart } from '../providers/api';

export type Note = { code: string; message: string; params?: Record<string, string | number> };

/**
 * A note in the console's language by its code; the server's sentence when the code is new.
 * Dates read as on the rest of the screen, a gender as its label.
 */
export const noteText = (translate: (key: string, options?: object) => string, group: string, note: Note): string => {
  const params: Record<string, unknown> = { ...note.params };
  if (typeof params.date === 'string') params.date = formatTokyo(params.date, false);
  if (typeof params.gender === 'string') params.gender = translate(`enums.gender.${params.gender}`, { _: params.gender }).toLowerCase();
  // A near miss on the ID check names the date it ran out, when there was one.
  const code = group === 'matching_misses' && note.code === 'id_check' && note.params?.date ? 'id_check_expired' : note.code;
  return translate(`${group}.${code}`, { ...params, _: note.message });
};

export type Candidate = {
  volunteer_id: number;
  name: string;
  volunteer_no: string;
  score: number;
  reasons: Note[];
  warnings: Note[];
};

export type Explanation = {
  total: number;
  steps: { code: string; message: string; remaining: number }[];
  emptied_by: { code: string; message: string; remaining: number } | null;
  near_misses: { volunteer_id: number; name: string; volunteer_no: string; failed: Note[] }[];
};

export type OutreachMessage = { subject: string; body: string; to: string | null; mailto: string };

// Keys start with the resource so react-admin's refresh (which invalidates every query) and
// a targeted invalidation after a move both reach them.
/** Candidates shown at first, and added by each 「さらに表示」. */
export const CANDIDATES_STEP = 20;

/** The best `limit` candidates and how many qualify; the shorter list stays while more load. */
export const useCandidates = (requestId: Identifier, limit: number) =>
  useQuery({
    queryKey: ['support-requests', 'candidates', requestId, limit],
    queryFn: () => getPart<Candidate>(`/support-requests/${requestId}/candidates?limit=${limit}`),
    placeholderData: keepPreviousData,
  });

export const useExplanation = (requestId: Identifier, enabled: boolean) =>
  useQuery({
    queryKey: ['support-requests', 'candidates-explain', requestId],
    queryFn: () => getJson<Explanation>(`/support-requests/${requestId}/candidates/explain`),
    enabled,
  });

export const useOutreachMessage = (assignmentId: Identifier | null) =>
  useQuery({
    queryKey: ['assignments', 'message', assignmentId],
    queryFn: () => getJson<OutreachMessage>(`/assignments/${assignmentId}/message`),
    enabled: assignmentId != null,
  });
