/** What residents receive in one language (see `../resident-texts.ts`). */
export type ResidentCatalogue = {
  confirmation: { subject: string; intro: string };
  reminder: { subject: string; intro: string };
  cancellation: { subject: string; intro: string };
  /** The e-mail after the help, asking how it went (its body: intro, then the link). */
  feedback: { subject: string; intro: string };
  /** The feedback page behind that link. */
  feedbackPage: {
    title: string;
    question: string;
    /** Labels of the ratings 1 (worst) to 5 (best). */
    ratings: [string, string, string, string, string];
    comment: string;
    send: string;
    thanks: string;
    /** The link was used already, or has expired. */
    closed: string;
  };
  when: string;
  where: string;
  online: string;
  volunteer: string;
  closing: string;
  /** Formats a Japan-time date and time range (both given as Japan-time ISO strings). */
  date: (start: string, end: string) => string;
};

/** The parts of a Japan-time ISO string (`2030-03-05T10:00:00+09:00`). */
export function parts(iso: string) {
  return { year: iso.slice(0, 4), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)), time: iso.slice(11, 16) };
}

/** Writes the ASCII digits of a text in another script's digits, given that script's zero. */
export function digits(text: string, zero: string): string {
  const base = zero.codePointAt(0)!;
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(base + Number(d)));
}
