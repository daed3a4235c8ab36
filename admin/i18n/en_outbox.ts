import type { ja_outbox } from './ja_outbox';
import type { SameKeys } from './shape';

export const en_outbox: SameKeys<typeof ja_outbox> = {
  outbox: {
    offer: 'Offer by e-mail',
    offer_queued: 'The offer is queued for sending',
    offer_held: 'No mail server is set up: the offer is held (copy it from the outbox and send it yourself)',
    retry: 'Retry',
    cancel: 'Cancel sending',
    retry_done: 'Queued again',
    cancel_done: 'Cancelled',
    feedback: { title: 'The resident’s feedback', rating: '%{rating} / 5', easy_japanese: 'Easy Japanese' },
    of_request: 'Messages about this request',
    widget_failed: 'Messages that failed',
    widget_held: 'Messages held (send by hand)',
    self_reports_title: 'Volunteers’ reports awaiting review',
    file: 'Review and file',
    filed: 'The activity report is filed',
  },
  calendar: {
    menu: 'Calendar',
    title: 'Activities calendar',
    coordinator: 'Coordinator',
    ward: 'Municipality',
    language: 'Language',
    all: 'All',
    feed_title: 'Subscribe from a phone',
    feed_hint:
      'Your confirmed activities (request number, task and municipality only) at a private address for any calendar app. The address is shown only when made; making a new one ends the old one.',
    feed_url: 'Calendar address',
    feed_make: 'Make (or replace) the address',
    feed_revoke: 'Revoke the address',
    feed_revoked: 'The calendar address no longer works',
  },
  resources: {
    messages: {
      name: 'Outbox',
      fields: {
        id: 'ID',
        kind: 'Kind',
        status: 'Status',
        address: 'To',
        language: 'Language',
        subject: 'Subject',
        body: 'Body',
        request_id: 'Request',
        attempts: 'Attempts',
        last_error: 'Last error',
        created_at: 'Created',
        sent_at: 'Sent',
      },
    },
    'self-reports': {
      name: 'Volunteers’ reports',
      fields: {
        id: 'ID',
        request_id: 'Request',
        outcome: 'Outcome',
        actual_start_at: 'Start',
        actual_end_at: 'End',
        transport_yen: 'Transport (yen)',
        note: 'Note',
        submitted_at: 'Received',
        filed_at: 'Filed',
      },
    },
  },
};
