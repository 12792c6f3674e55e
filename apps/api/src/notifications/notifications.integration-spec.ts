import type {
  NotificationPage,
  NotificationPreferenceView,
  ProgressUpdateView,
  UnsubscribeView,
} from '@marsad/contracts';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { addDays, todayInMorocco } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import { Activity } from '../plan/entities/activity.entity';
import { RemindersService } from '../reminders/reminders.service';
import { startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../testing/test-app';
import { DeliveryService } from './delivery.service';
import { MailTransport } from './mail-transport';
import { Notification } from './entities/notification.entity';

/** A real SMTP server in the test's process: what it receives, and a switch to take it down. */
class LocalSmtp {
  readonly received: ParsedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((mail) => JSON.stringify(mail.to).includes(address));
  }
}

describe('Notifications: outbox, delivery over SMTP, reminders, preferences (real database, real SMTP)', () => {
  const smtp = new LocalSmtp();
  let t: TestApp;
  let delivery: DeliveryService;
  let reminders: RemindersService;
  let coordinator: Client;
  let mefAr: Client;
  let hcp: Client;
  let activity: Activity;
  const today = todayInMorocco();
  const ROD_AR = 'rod.ar@mef.notify.ma';
  const COMMENT = 'الأرقام غير مطابقة للحصيلة السنوية';

  /** Delivers everything due at that instant (default: now). */
  const deliver = (at = new Date()) => delivery.drain(() => at);
  const rows = (where: { kind?: Notification['kind']; id?: string }) =>
    t.dataSource.getRepository(Notification).findBy(where);

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Marsad <marsad@add.gov.ma>' },
    });
    delivery = t.app.get(DeliveryService);
    reminders = t.app.get(RemindersService);
    coordinator = await t.as({ role: 'COORDINATOR', email: 'coord@add.notify.ma' });
    mefAr = await t.as({ role: 'OFFICER', institution: 'MEF', email: ROD_AR, locale: 'ar' });
    hcp = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.notify.ma' });
    const institutions = t.dataSource.getRepository(Institution);
    const [add, mef, hcpInstitution] = await Promise.all(
      ['ADD', 'MEF', 'HCP'].map((code) => institutions.findOneByOrFail({ code })),
    );
    const activities = t.dataSource.getRepository(Activity);
    activity = await activities.findOneOrFail({ where: { code: '13.2' }, relations: { contributors: true } });
    activity.leadInstitutionId = add.id;
    activity.contributors = [mef, hcpInstitution];
    await activities.save(activity);
    // Signing in does not notify; start from an empty outbox.
    await deliver();
    smtp.received.length = 0;
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  let returned: ProgressUpdateView;

  it('a returned report delivers one e-mail in Arabic to the Arabic-speaking officer, with the comment and a link', async () => {
    const submitted: ProgressUpdateView = (
      await mefAr
        .post(`/api/v1/activities/${activity.id}/updates`)
        .send({ status: 'in_progress', progress: 40, narrative: { ar: 'تقدم الأشغال' } })
        .expect(201)
    ).body;
    returned = (
      await coordinator.post(`/api/v1/progress-updates/${submitted.id}/return`).send({ comment: COMMENT }).expect(200)
    ).body;
    // In the outbox, committed with the return, before any delivery.
    const queued = await rows({ kind: 'report.returned' });
    expect(queued.map((n) => n.emailState)).toEqual(['pending']);

    expect(await deliver()).toEqual(expect.objectContaining({ sent: 1, retried: 0, failed: 0 }));
    const mails = smtp.to(ROD_AR);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toBe('أُرجع تقريركم حول 13.2 للتصحيح');
    expect(mail.text).toContain(COMMENT);
    expect(mail.text).toContain(`${t.config.publicUrl}/ar/activities/${activity.id}#report-${returned.id}`);
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain('lang="ar"');
    expect(mail.html).toContain(`href="${t.config.publicUrl}/ar/activities/${activity.id}#report-${returned.id}"`);
    expect(mail.headers.get('content-language')).toBe('ar');
    const header = (name: string) => mail.headerLines.find((line) => line.key === name)?.line ?? '';
    expect(header('list-unsubscribe')).toContain('/api/v1/notifications/unsubscribe?token=');
    expect(header('list-unsubscribe-post')).toContain('List-Unsubscribe=One-Click');

    // The inbox has it too, unread; the bell counts it.
    const inbox: NotificationPage = (await mefAr.get('/api/v1/notifications').expect(200)).body;
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toEqual(
      expect.objectContaining({
        kind: 'report.returned',
        link: `/activities/${activity.id}#report-${returned.id}`,
        readAt: null,
      }),
    );
    expect(inbox.items[0].params).toEqual(expect.objectContaining({ code: '13.2', comment: COMMENT }));
    // Nobody else may read or mark it.
    await hcp.post(`/api/v1/notifications/${inbox.items[0].id}/read`).expect(404);
    await mefAr.post(`/api/v1/notifications/${inbox.items[0].id}/read`).expect(200);
    expect((await mefAr.get('/api/v1/notifications/unread-count').expect(200)).body).toEqual({ unread: 0 });
    await t.http.get('/api/v1/notifications').expect(401);

    // Delivering again sends nothing more.
    expect((await deliver()).sent).toBe(0);
    expect(smtp.to(ROD_AR)).toHaveLength(1);
  });

  it('a delivery attempt cut off by a crash is taken over once its lease runs out, and sends no duplicate', async () => {
    await mefAr
      .post('/api/v1/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Another-long-passphrase-7' })
      .expect(204);
    const now = new Date();
    // A first instance claims the message and dies before sending (its lease is committed).
    const claimed = await delivery.claim(now, 10);
    expect(claimed.map((c) => c.kind)).toEqual(['account.password-changed']);
    // Other instances skip it while the lease runs…
    expect((await deliver(new Date(now.getTime() + 60_000))).claimed).toBe(0);
    // …and take it over afterwards: delivered once.
    const later = new Date(now.getTime() + 121_000);
    expect(await deliver(later)).toEqual(expect.objectContaining({ claimed: 1, sent: 1 }));
    expect(await deliver(new Date(later.getTime() + 300_000))).toEqual(expect.objectContaining({ claimed: 0 }));
    const mails = smtp.to(ROD_AR).filter((m) => m.subject === 'تم تغيير كلمة مرور حسابكم في مرصد');
    expect(mails).toHaveLength(1);
    const [row] = await rows({ kind: 'account.password-changed' });
    expect([row.emailState, row.attempts]).toEqual(['sent', 2]);
  });

  it('two workers at once deliver each message exactly once (FOR UPDATE SKIP LOCKED)', async () => {
    const before = smtp.received.length;
    const ids = (await t.dataSource.query(`SELECT id FROM users WHERE active ORDER BY id`)).map(
      (r: { id: string }) => r.id,
    );
    const notifications = t.app.get((await import('./notifications.service')).NotificationsService);
    for (let i = 0; i < 10; i += 1)
      await notifications.notify(t.dataSource.manager, {
        kind: 'officer.vacancy',
        userIds: ids,
        params: { institution: { fr: `Province ${i}` }, role: { fr: 'ROD' }, endedOn: today },
        link: null,
        key: `two-workers-${i}`,
      });
    const expected = ids.length * 10;
    const [a, b] = await Promise.all([delivery.drain(() => new Date(), 7), delivery.drain(() => new Date(), 7)]);
    expect(a.sent + b.sent).toBe(expected);
    expect(smtp.received.length - before).toBe(expected);
    const messageIds = smtp.received.slice(before).map((m) => m.messageId);
    expect(new Set(messageIds).size).toBe(expected);
    // The same event again adds nothing (the deduplication key).
    expect(
      await notifications.notify(t.dataSource.manager, {
        kind: 'officer.vacancy',
        userIds: ids,
        params: {},
        link: null,
        key: 'two-workers-0',
      }),
    ).toBe(0);
  });

  it('a crash in the middle of a batch re-sends only the messages not yet marked sent', async () => {
    await deliver(); // nothing else due
    const before = smtp.received.length;
    // Six recipients of their own, deactivated afterwards so that no later test reaches them.
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await t.createAccount({ role: 'OFFICER', institution: 'HCP', email: `crash${i}@hcp.notify.ma` })).id);
    const notifications = t.app.get((await import('./notifications.service')).NotificationsService);
    await notifications.notify(t.dataSource.manager, {
      kind: 'officer.vacancy',
      userIds: ids,
      params: { institution: { fr: 'Province crash' }, role: { fr: 'ROD' }, endedOn: today },
      link: null,
      key: 'crash-mid-batch',
    });
    const count = async (state: string): Promise<number> =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM notifications WHERE dedup_key LIKE 'officer.vacancy:crash-mid-batch:%' AND email_state = $1`,
          [state],
        )
      )[0].n;
    const expected = await count('pending');
    expect(expected).toBe(6);
    // The SMTP server takes the first two messages of the batch; then the process "dies": the
    // other sends never finish and the batch never ends.
    const transport = t.app.get(MailTransport);
    const send = transport.send.bind(transport);
    let calls = 0;
    let die: (error: Error) => void = () => undefined;
    const dead = new Promise<never>((_, reject) => (die = reject));
    const spy = jest.spyOn(transport, 'send').mockImplementation((mail) => (calls++ < 2 ? send(mail) : dead));
    const now = new Date();
    const cutOff = delivery.deliverDue(now, 200);
    const sentRows = () => count('sent');
    try {
      for (let i = 0; i < 100 && (await sentRows()) < 2; i++) await new Promise((r) => setTimeout(r, 20));
      // Those two are marked sent while the batch is still going.
      expect(await sentRows()).toBe(2);
      expect(smtp.received.length - before).toBe(2);
    } finally {
      spy.mockRestore();
    }
    // Once the lease runs out another worker sends the rest: each message arrives once.
    expect(await deliver(new Date(now.getTime() + 121_000))).toEqual(
      expect.objectContaining({ claimed: expected - 2, sent: expected - 2 }),
    );
    expect(smtp.received.length - before).toBe(expected);
    expect(new Set(smtp.received.slice(before).map((m) => m.messageId)).size).toBe(expected);
    // The first worker's sends finally fail: the messages stay sent.
    die(new Error('connection lost'));
    await cutOff;
    expect(await sentRows()).toBe(expected);
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = ANY($1::uuid[])`, [ids]);
  });

  it('SMTP down: retried with exponential backoff, delivered when it comes back, nothing lost', async () => {
    const port = smtp.port;
    t.app.get(MailTransport).onApplicationShutdown(); // its pooled connections would keep the server from closing
    await smtp.stop();
    await hcp
      .post('/api/v1/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Another-long-passphrase-8' })
      .expect(204);
    const start = new Date();
    expect(await deliver(start)).toEqual(expect.objectContaining({ claimed: 1, sent: 0, retried: 1 }));
    let [row] = await t.dataSource
      .getRepository(Notification)
      .find({ where: { kind: 'account.password-changed' }, order: { createdAt: 'DESC' }, take: 1 });
    expect([row.emailState, row.attempts]).toEqual(['pending', 1]);
    expect(row.lastError).toMatch(/ECONNREFUSED|ESOCKET|connect/i);
    const firstWait = (row.nextAttemptAt!.getTime() - start.getTime()) / 1000;
    expect(firstWait).toBeGreaterThanOrEqual(24);
    expect(firstWait).toBeLessThanOrEqual(36);
    // Not due before then.
    expect((await deliver(new Date(start.getTime() + 20_000))).claimed).toBe(0);
    // Second failure: the wait doubles.
    const second = new Date(start.getTime() + 40_000);
    expect((await deliver(second)).retried).toBe(1);
    [row] = await t.dataSource.getRepository(Notification).findBy({ id: row.id });
    const secondWait = (row.nextAttemptAt!.getTime() - second.getTime()) / 1000;
    expect(secondWait).toBeGreaterThanOrEqual(48);
    expect(secondWait).toBeLessThanOrEqual(72);

    await smtp.start(port);
    expect((await deliver(new Date(second.getTime() + 600_000))).sent).toBe(1);
    expect(
      smtp.to('rod@hcp.notify.ma').filter((m) => m.subject === 'Votre mot de passe Marsad a été modifié'),
    ).toHaveLength(1);
    [row] = await t.dataSource.getRepository(Notification).findBy({ id: row.id });
    expect([row.emailState, row.attempts]).toEqual(['sent', 3]);
  });

  it('a round closing in 7 days, then in 1 day, reminds those who still owe something, once each (fixed clock)', async () => {
    const before = smtp.received.length;
    const round = (
      await coordinator
        .post('/api/v1/reporting-rounds')
        .send({
          name: { fr: 'Campagne de test', ar: 'دورة اختبار' },
          opensOn: today,
          closesOn: addDays(today, 10),
          activityIds: [activity.id],
        })
        .expect(201)
    ).body;
    // Opening: each concerned administration's officers (MEF and HCP contribute; ADD leads, no account).
    const opened = await rows({ kind: 'round.opened' });
    expect(opened.length).toBe(2);
    await deliver();
    expect(smtp.to(ROD_AR).some((m) => m.subject === 'فُتحت دورة التتبع: دورة اختبار')).toBe(true);

    // HCP hands in everything it owes; MEF's report stays returned.
    await hcp
      .post(`/api/v1/activities/${activity.id}/updates`)
      .send({ status: 'in_progress', progress: 50, narrative: { fr: 'Avancement' } })
      .expect(201);
    for (const kind of ['officers', 'inventory'])
      await hcp.post(`/api/v1/reporting-rounds/${round.id}/confirmations`).send({ kind }).expect(200);

    const at = (day: string) => new Date(`${day}T09:00:00+01:00`);
    const run3 = await reminders.run(at(addDays(today, 3)));
    expect(run3.roundsClosing).toBe(1); // MEF only
    expect((await reminders.run(at(addDays(today, 3)))).roundsClosing).toBe(0); // the same day again
    expect((await reminders.run(at(addDays(today, 4)))).roundsClosing).toBe(0); // 6 days left: already told
    expect((await reminders.run(at(addDays(today, 9)))).roundsClosing).toBe(1); // 1 day left
    expect((await reminders.run(at(addDays(today, 9)))).roundsClosing).toBe(0);
    const closing = await rows({ kind: 'round.closing' });
    expect(closing.map((n) => n.params['days']).sort()).toEqual([1, 7]);
    await deliver();
    const mails = smtp.received.slice(before).filter((m) => /closes|clôt|تُختتم/.test(m.subject ?? ''));
    expect(mails.map((m) => m.subject).sort()).toEqual(['تُختتم دورة التتبع بعد 1 يوم', 'تُختتم دورة التتبع بعد 7 يوم']);
    expect(smtp.to('rod@hcp.notify.ma').some((m) => /clôt/.test(m.subject ?? ''))).toBe(false);
  });

  it('an action item: assigned, due in 7 days, then overdue — to the owner’s officers, once each', async () => {
    const meeting = (
      await coordinator
        .post('/api/v1/committee/meetings')
        .send({ startsAt: `${today}T10:00:00+01:00`, agenda: [{ title: { fr: 'Suivi' } }] })
        .expect(201)
    ).body;
    await coordinator
      .post(`/api/v1/committee/meetings/${meeting.id}/decisions`)
      .send({
        text: { fr: 'Transmettre l’inventaire' },
        actionItems: [{ text: { fr: 'Inventaire', ar: 'الجرد' }, ownerCode: 'MEF', dueOn: addDays(today, 20) }],
      })
      .expect(201);
    expect((await rows({ kind: 'action-item.assigned' })).length).toBe(1);
    const at = (day: string) => new Date(`${day}T09:00:00+01:00`);
    expect((await reminders.run(at(addDays(today, 12)))).actionItems).toBe(0); // 8 days left
    expect((await reminders.run(at(addDays(today, 13)))).actionItems).toBe(1); // 7 days left
    expect((await reminders.run(at(addDays(today, 13)))).actionItems).toBe(0);
    expect((await reminders.run(at(addDays(today, 21)))).actionItems).toBe(1); // overdue
    expect((await reminders.run(at(addDays(today, 22)))).actionItems).toBe(0);
    const overdue = await rows({ kind: 'action-item.overdue' });
    expect(overdue[0].params).toEqual(expect.objectContaining({ daysLate: 1, reference: 'R1-D1-A1' }));
  });

  it('a meeting scheduled, moved, and its pack announced reach the representatives with an account', async () => {
    await t.as({ role: 'COMMITTEE', email: 'membre@hcp.notify.ma', locale: 'ar' });
    const view = (await coordinator.get('/api/v1/committee').expect(200)).body;
    const hcpMember = view.members.find((m: { institution: { code: string } }) => m.institution.code === 'HCP');
    await coordinator
      .post(`/api/v1/committee/members/${hcpMember.id}/representatives`)
      .send({
        fullName: 'ممثل المندوبية',
        position: 'member',
        fromOn: '2020-01-01',
        email: 'membre@hcp.notify.ma',
        linkAccount: true,
      })
      .expect(201);
    const startsAt = `${addDays(today, 30)}T10:00:00+01:00`;
    const meeting = (
      await coordinator.post('/api/v1/committee/meetings').send({ startsAt, place: 'ADD, Rabat' }).expect(201)
    ).body;
    await coordinator
      .patch(`/api/v1/committee/meetings/${meeting.id}`)
      .send({ version: meeting.version, startsAt: `${addDays(today, 31)}T10:00:00+01:00` })
      .expect(200);
    expect((await coordinator.post(`/api/v1/committee/meetings/${meeting.id}/pack/announce`).expect(200)).body).toEqual(
      {
        notified: 1,
      },
    );
    // Announcing the same version again tells nobody twice.
    expect((await coordinator.post(`/api/v1/committee/meetings/${meeting.id}/pack/announce`).expect(200)).body).toEqual(
      {
        notified: 0,
      },
    );
    await mefAr.post(`/api/v1/committee/meetings/${meeting.id}/pack/announce`).expect(403);
    await deliver();
    // Sent side by side: in no particular order.
    const subjects = smtp
      .to('membre@hcp.notify.ma')
      .map((m) => m.subject)
      .sort();
    expect(subjects).toEqual(
      [
        `برمجة اجتماع لجنة القيادة رقم ${meeting.number}`,
        `برمجة اجتماع لجنة القيادة رقم ${meeting.number}`,
        `ملف الاجتماع رقم ${meeting.number} جاهز`,
      ].sort(),
    );
  });

  it('unsubscribe stops that category only, without signing in', async () => {
    await deliver();
    const mail = smtp.to(ROD_AR).find((m) => m.subject?.startsWith('أُرجع تقريركم'))!;
    const url = /https?:\/\/\S+\/ar\/unsubscribe\?token=\S+/.exec(mail.text ?? '')?.[0];
    expect(url).toBeTruthy();
    const token = decodeURIComponent(new URL(url!).searchParams.get('token')!);
    const view: UnsubscribeView = (await t.http.get('/api/v1/notifications/unsubscribe').query({ token }).expect(200))
      .body;
    expect(view).toEqual({ category: 'reports', mode: 'immediate', email: 'r***@mef.notify.ma' });
    const tampered = token.replace('reports', 'rounds');
    expect(
      (await t.http.post('/api/v1/notifications/unsubscribe').query({ token: tampered }).expect(400)).body.fields,
    ).toEqual([expect.objectContaining({ field: 'token', rule: 'unsubscribeToken' })]);
    await t.http.post('/api/v1/notifications/unsubscribe').query({ token }).expect(200);
    const preferences: NotificationPreferenceView[] = (await mefAr.get('/api/v1/notifications/preferences').expect(200))
      .body;
    expect(preferences.find((p) => p.category === 'reports')?.mode).toBe('off');
    expect(preferences.find((p) => p.category === 'rounds')?.mode).toBe('immediate');

    // The report is corrected and validated: in the inbox, not by e-mail.
    await mefAr
      .patch(`/api/v1/progress-updates/${returned.id}`)
      .send({ version: returned.version, status: 'in_progress', progress: 45, narrative: { ar: 'مصحح' } })
      .expect(200);
    await coordinator.post(`/api/v1/progress-updates/${returned.id}/validate`).send({}).expect(200);
    const [validated] = await rows({ kind: 'report.validated' });
    expect(validated.emailState).toBe('off');
    expect((await mefAr.get('/api/v1/notifications').expect(200)).body.items[0].kind).toBe('report.validated');
    // Other categories still arrive (a vacancy goes to coordinators; an account message to the officer).
    await mefAr
      .post('/api/v1/auth/password')
      .send({ currentPassword: 'Another-long-passphrase-7', newPassword: 'Third-long-passphrase-9' })
      .expect(204);
    const before = smtp.to(ROD_AR).length;
    await deliver();
    const added = smtp.to(ROD_AR).slice(before);
    expect(added.map((m) => m.subject)).toEqual(['تم تغيير كلمة مرور حسابكم في مرصد']);
  });

  it('a daily digest gathers what waited into one e-mail; security messages cannot be delayed', async () => {
    expect(
      (
        await hcp
          .put('/api/v1/notifications/preferences')
          .send({ preferences: [{ category: 'account', mode: 'off' }] })
          .expect(400)
      ).body.fields,
    ).toEqual([expect.objectContaining({ field: 'preferences.0.mode', rule: 'securityAlwaysSent' })]);
    // 'immediate' is stored too (the column once held 8 characters: a 500 instead of a saved choice).
    const saved: NotificationPreferenceView[] = (
      await coordinator
        .put('/api/v1/notifications/preferences')
        .send({ preferences: [{ category: 'officers', mode: 'immediate' }] })
        .expect(200)
    ).body;
    expect(saved.find((p) => p.category === 'officers')?.mode).toBe('immediate');
    await coordinator
      .put('/api/v1/notifications/preferences')
      .send({ preferences: [{ category: 'officers', mode: 'daily' }] })
      .expect(200);
    const notifications = t.app.get((await import('./notifications.service')).NotificationsService);
    const [coord] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'coord@add.notify.ma'`);
    for (const i of [1, 2])
      await notifications.notify(t.dataSource.manager, {
        kind: 'officer.vacancy',
        userIds: [coord.id],
        params: { institution: { fr: `Commune ${i}` }, role: { fr: 'ROD' }, endedOn: today },
        link: '/institutions/X',
        key: `digest-${i}`,
      });
    const before = smtp.to('coord@add.notify.ma').length;
    await deliver();
    expect(smtp.to('coord@add.notify.ma').length).toBe(before); // waiting for the digest
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await reminders.digests('daily', addDays(today, 1), tomorrow)).toBe(1);
    expect(await reminders.digests('daily', addDays(today, 1), tomorrow)).toBe(0); // rerun: nothing more
    await deliver();
    const digests = smtp.to('coord@add.notify.ma').slice(before);
    expect(digests.map((m) => m.subject)).toEqual(['Marsad : votre résumé du jour (2)']);
    expect(digests[0].text).toContain('Commune 1');
    expect(digests[0].text).toContain('Commune 2');
  });

  it('an invitation brings the set-password link to the new person, by e-mail only; the link is not kept', async () => {
    const admin = await t.as('ADMIN');
    const created = (
      await admin
        .post('/api/v1/users')
        .send({ email: 'new.rod@hcp.notify.ma', displayName: 'Nouvelle ROD', role: 'OFFICER', institutionCode: 'HCP' })
        .expect(201)
    ).body;
    expect(created.invitationEmailed).toBe(true);
    await deliver();
    const [invitation] = smtp.to('new.rod@hcp.notify.ma');
    expect(invitation.subject).toBe('Votre compte Marsad');
    expect(invitation.text).toContain(created.resetLink.url);
    expect(invitation.html).toContain('Choisir mon mot de passe');
    const [row] = await rows({ kind: 'account.invitation' });
    expect([row.emailState, row.inInbox, row.link]).toEqual(['sent', false, null]);
    // A new link issued by the administrator reaches the person too.
    const link = (await admin.post(`/api/v1/users/${created.user.id}/reset-link`).expect(201)).body;
    await deliver();
    const again = smtp.to('new.rod@hcp.notify.ma');
    expect(again.map((m) => m.subject)).toEqual([
      'Votre compte Marsad',
      'Un lien pour choisir votre mot de passe Marsad',
    ]);
    expect(again[1].text).toContain(link.url);
  });

  it('the outbox is for administrators; a failed e-mail can be sent again', async () => {
    await coordinator.get('/api/v1/notifications/outbox').expect(403);
    const admin = await t.as('ADMIN');
    const outbox = (await admin.get('/api/v1/notifications/outbox').expect(200)).body;
    expect(outbox.smtpConfigured).toBe(true);
    expect(outbox.counts.sent).toBeGreaterThan(0);
    const [sent] = await rows({ kind: 'report.returned' });
    expect((await admin.post(`/api/v1/notifications/outbox/${sent.id}/retry`).expect(409)).body.code).toBe(
      'EMAIL_STATE_CONFLICT',
    );
    await t.dataSource.query(`UPDATE notifications SET email_state = 'failed' WHERE id = $1`, [sent.id]);
    await admin.post(`/api/v1/notifications/outbox/${sent.id}/retry`).expect(200);
    const [again] = await rows({ id: sent.id });
    expect([again.emailState, again.attempts]).toEqual(['pending', 0]);
  });
});
