import { useQuery } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import { getJson } from '../providers/api';

export type Note = { code: string; message: string };

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
export const useCandidates = (request_id: Identifier) =>
  useQuery({
    queryKey: ['support-requests', 'candidates', request_id],
    queryFn: () => getJson<Candidate[]>(`/support-requests/${request_id}/candidates`),
  });

export const useExplanation = (request_id: Identifier, enabled: boolean) =>
  useQuery({
    queryKey: ['support-requests', 'candidates-explain', request_id],
    queryFn: () => getJson<Explanation>(`/support-requests/${request_id}/candidates/explain`),
    enabled,
  });

export const useOutreachMessage = (assignment_id: Identifier | null) =>
  useQuery({
    queryKey: ['assignments', 'message', assignment_id],
    queryFn: () => getJson<OutreachMessage>(`/assignments/${assignment_id}/message`),
    enabled: assignment_id != null,
  });
