import express, { Router } from 'express';
import type { Clock } from '../core/context.js';
import { AppError } from '../core/errors.js';
import type { ResourceService } from '../core/service.js';
import { answerOffer, linkView } from '../messages/offer.js';
import { submitSelfReport } from '../messages/self-report.js';

const html = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{font-family:system-ui,"Noto Sans CJK JP",sans-serif;margin:0;background:#f5f7f6;color:#1d2b24;line-height:1.6}
main{max-width:34rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.25rem;margin:.5rem 0 1rem}
dl{background:#fff;border-radius:8px;padding:1rem;margin:0 0 1rem;display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}
dt{color:#55645c}dd{margin:0;font-weight:600}
textarea{width:100%;box-sizing:border-box;min-height:5rem;font:inherit;padding:.5rem;border-radius:6px;border:1px solid #9aa8a0}
.buttons{display:flex;gap:.75rem;margin-top:1rem}
button{flex:1;font:inherit;font-size:1.1rem;padding:.9rem;border-radius:8px;border:0;cursor:pointer}
.accept{background:#1f7a4d;color:#fff}.decline{background:#e4e9e6;color:#1d2b24}
.note{background:#fff;border-radius:8px;padding:1rem}
`;

function page(title: string, content: string): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>${html(title)}</title><style>${STYLE}</style></head>
<body><main><p>スポットおとなりさん</p>${content}</main></body></html>`;
}

function details(a: Activity): string {
  const rows: [string, string][] = [
    ['日時', a.when],
    ['地域', a.area],
    ['内容', a.task],
    ['言語', a.language],
    ['担当', a.coordinator],
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${html(k)}</dt><dd>${html(v)}</dd>`).join('')}</dl>`;
}

type Activity = NonNullable<Awaited<ReturnType<typeof linkView>>['activity']>;

const tokyoLocal = (d: Date | null) => (d ? new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16) : '');

function reportPage(token: string, a: Activity, notice?: string): string {
  const outcome = (value: string, label: string, checked = false) =>
    `<label><input type="radio" name="outcome" value="${value}"${checked ? ' checked' : ''}> ${label}</label><br>`;
  return page(
    '活動報告',
    `<h1>活動報告 (${html(a.request_no)})</h1>${notice ? `<p class="note">${html(notice)}</p>` : ''}${details(a)}
<form method="post" action="/v/${html(token)}/report">
<p><label for="s">開始</label><br><input id="s" type="datetime-local" name="actual_start_at" value="${tokyoLocal(a.start_at)}" required></p>
<p><label for="e">終了</label><br><input id="e" type="datetime-local" name="actual_end_at" value="${tokyoLocal(a.end_at)}" required></p>
<fieldset><legend>結果</legend>${outcome('resolved', '解決した', true)}${outcome('partly_resolved', '一部解決した')}${outcome('not_resolved', '解決しなかった')}</fieldset>
<p><label for="y">交通費（円）</label><br><input id="y" name="transport_yen" inputmode="numeric" pattern="[0-9,]*" value="0"></p>
<p><label><input type="checkbox" name="follow_up_needed" value="yes"> フォローアップが必要</label></p>
<p><label for="n">メモ（フォローアップが必要なときは内容を）</label><textarea id="n" name="note" maxlength="2000"></textarea></p>
<div class="buttons"><button class="accept">報告する</button></div></form>`,
  );
}

/**
 * /v/<token>: the volunteer's page, opened from the e-mail on a phone. Plain HTML with a form
 * (no script, no cookie, no login); the same service as /api/volunteer-links answers it.
 */
export function volunteerPageRouter(
  services: { assignments: ResourceService; activityReports: ResourceService; expenses: ResourceService },
  options: { now: Clock; afterWrite: () => void },
): Router {
  const { assignments } = services;
  const router = Router();
  const send = (res: express.Response, status: number, html: string) => {
    res.status(status).set({ 'Cache-Control': 'no-store', 'Content-Type': 'text/html; charset=utf-8' }).send(html);
  };
  const show = async (token: string, res: express.Response, notice?: string) => {
    try {
      const view = await linkView(assignments.db, token, options.now());
      if (view.state === 'open' && view.activity && view.purpose === 'report')
        return send(res, 200, reportPage(token, view.activity, notice));
      if (view.state !== 'open' || !view.activity) {
        const text = notice ?? view.message ?? 'このリンクは使えません。';
        return send(
          res,
          200,
          page(
            'スポットおとなりさん',
            `<h1>${html(view.activity ? `活動 ${view.activity.request_no}` : '')}</h1><p class="note">${html(text)}</p>`,
          ),
        );
      }
      return send(
        res,
        200,
        page(
          '活動のご相談',
          `<h1>活動のご相談 (${html(view.activity.request_no)})</h1>${details(view.activity)}
<p>場所などの詳しいことは、お引き受けいただいた後にお知らせします。</p>
<form method="post" action="/v/${html(token)}/answer"><label for="comment">コメント（任意）</label><textarea id="comment" name="comment" maxlength="1000"></textarea>
<div class="buttons"><button class="accept" name="answer" value="accept">引き受ける</button><button class="decline" name="answer" value="decline">辞退する</button></div></form>`,
        ),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found')
        return send(res, 404, page('スポットおとなりさん', `<p class="note">${html(err.message)}</p>`));
      throw err;
    }
  };
  router.get('/:token', (req, res) => show(req.params.token, res));
  router.post('/:token/report', express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
    const token = req.params.token;
    const b = (req.body ?? {}) as Record<string, string | undefined>;
    const at = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00+09:00` : v);
    const yen = b.transport_yen?.trim() ? Number(b.transport_yen.replace(/[,円\s]/g, '')) : 0;
    try {
      await submitSelfReport(
        services,
        token,
        {
          actual_start_at: at(b.actual_start_at),
          actual_end_at: at(b.actual_end_at),
          outcome: b.outcome,
          transport_yen: yen,
          follow_up_needed: b.follow_up_needed === 'yes',
          note: b.note,
        },
        options.now,
      );
      return send(
        res,
        200,
        page(
          'ありがとうございました',
          '<h1>ありがとうございました</h1><p class="note">活動報告を受け付けました。コーディネーターが確認します。</p>',
        ),
      );
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return show(token, res, err.message);
      throw err;
    }
  });
  router.post('/:token/answer', express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
    const token = req.params.token;
    try {
      const result = await answerOffer(assignments, token, { answer: req.body?.answer, comment: req.body?.comment }, options.now);
      options.afterWrite();
      const text =
        result.answer === 'accept'
          ? 'お引き受けいただき、ありがとうございます。確定しましたら、場所などの詳しいことをメールでお知らせします。'
          : 'ご回答ありがとうございました。またの機会によろしくお願いいたします。';
      return send(res, 200, page('ありがとうございました', `<h1>ありがとうございました</h1><p class="note">${html(text)}</p>`));
    } catch (err) {
      if (err instanceof AppError && err.status < 500) return show(token, res, err.message);
      throw err;
    }
  });
  return router;
}
