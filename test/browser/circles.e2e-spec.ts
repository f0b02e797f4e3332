import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, horizontalOverflow, launchBrowser, newPhone, screenshot, signIn, submit, WEB_URL } from '../support/browser';
import { apiCall, apiLogin, join, newPerson, openCohort } from '../support/cohort-api';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function withPage<T>(js: boolean, lang: string, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await newPhone(browser, { javaScriptEnabled: js, locale: lang });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

interface Person {
  email: string;
  password: string;
  token: string;
  id: string;
}

async function person(label: string, names: { nameLatin?: string; nameArabic?: string }, locale: string, timeZone: string): Promise<Person> {
  const created = await newPerson(label, names, locale);
  const me = await apiCall<{ id: string }>('PATCH', '/api/me', created.token, { timeZone });
  return { ...created, id: me.id };
}

/** A YYYY-MM-DD `days` from today (negative: in the past), as the cohort's calendar reads it (UTC is close enough a week away). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An Amman cohort led by trainer@ with one circle: a new coach of our own (so other files' changes to the demo
 * coach never meet ours) and three trainees, all active.
 */
async function circleWithMembers(label: string, coachZone = 'Asia/Amman') {
  const suffix = Date.now().toString(36);
  const cohortId = await openCohort({ name: `Circles ${label} ${suffix}`, capacity: 10, mode: 'open', city: 'Amman' });
  const coach = await person(`coach-${label}`, { nameLatin: 'Huda Mansour', nameArabic: 'هدى منصور' }, 'ar', coachZone);
  const trainees = [
    await person(`amal-${label}`, { nameLatin: 'Amal Haddad', nameArabic: 'أمل حداد' }, 'en', 'Europe/Paris'),
    await person(`karim-${label}`, { nameLatin: 'Karim Nasser', nameArabic: 'كريم ناصر' }, 'ar', 'Asia/Amman'),
    await person(`salma-${label}`, { nameLatin: 'Salma Odeh', nameArabic: 'سلمى عودة' }, 'ar', 'Asia/Amman'),
  ];
  const enrollments = [];
  for (const trainee of trainees) enrollments.push(await join(cohortId, trainee.token));
  const trainer = await apiLogin('trainer@example.org');
  const circle = await apiCall<{ id: string }>('POST', `/api/cohorts/${cohortId}/circles`, trainer, {
    name: { ar: `حلقة الحي ${suffix}`, en: `Neighbourhood circle ${suffix}` },
    coachIds: [coach.id],
  });
  await apiCall('POST', `/api/circles/${circle.id}/members`, trainer, { enrollmentIds: enrollments.map((e) => e.id) });
  return { cohortId, circleId: circle.id, coach, trainees, trainer, suffix, enrollmentIds: enrollments.map((e) => e.id) };
}

it('a coach takes attendance in Arabic without JavaScript, and the circle page shows the new rates', async () => {
  const { circleId, coach } = await circleWithMembers('attendance');
  // A session held a week ago, before anyone was marked.
  const created = await apiCall<{ items: { id: string }[] }>('POST', `/api/circles/${circleId}/sessions`, coach.token, {
    date: dayFromToday(-7),
    time: '18:00',
    durationMinutes: 90,
  });
  const sessionId = created.items[0]?.id ?? '';

  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', coach.email, coach.password);
    // The header leads a coach to their circles, on one line.
    await page.locator('.main-nav a', { hasText: 'حلقاتي' }).click();
    await page.waitForURL(/\/ar\/circles$/);
    const card = page.locator('.circle-card', { hasText: 'حلقة الحي' });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/(3|٣) أعضاء/);
    await screenshot(page, 'circles-mine-ar-nojs');
    const tops = await page.locator('.main-nav li').evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);

    // From "My circles" straight to the session waiting for its attendance.
    await card.locator(`a[href$="/sessions/${sessionId}/attendance"]`).click();
    await page.waitForURL(new RegExp(`/ar/sessions/${sessionId}/attendance$`));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await horizontalOverflow(page)).toBe(0);
    const row = (name: string) => page.locator('.attendance-rows fieldset', { hasText: name });
    // Each status is a big label around its radio button: a tap anywhere on it marks the person.
    await row('أمل حداد').getByLabel('حاضر', { exact: true }).check();
    await row('كريم ناصر').getByLabel('متأخر', { exact: true }).check();
    await row('سلمى عودة').getByLabel('غائب', { exact: true }).check();
    await screenshot(page, 'circles-attendance-ar-nojs');
    await submit(page, page.locator('.attendance-submit button[type="submit"]'));

    // Back on the circle page: saved, and each member's rate counts the session.
    await page.getByText('حُفظ الحضور.').waitFor();
    expect(page.url()).toContain(`/ar/circles/${circleId}`);
    const rate = (name: string) => page.locator('.member-rates li', { hasText: name }).innerText();
    expect(await rate('أمل حداد')).toMatch(/(100|١٠٠)/);
    expect(await rate('كريم ناصر')).toMatch(/(100|١٠٠)/);
    await screenshot(page, 'circles-circle-page-ar-nojs');
    await page.locator('section[aria-labelledby="members-title"]').screenshot({ path: `${ARTIFACTS}/circles-rates-ar-nojs.png` });
    // Salma was absent: 0% of one session (digits and the percent sign come with direction marks).
    expect(await rate('سلمى عودة')).toMatch(/^سلمى عودة\s*(0|٠)\W*[%٪]\W*·\W*(0|٠) من لقاء واحد\W*$/u);
    expect(await page.locator('#members-title + p').innerText()).toMatch(/(67|٦٧)/);

    // The form opens again with the marks just saved.
    await page.goto(`${WEB_URL()}/ar/sessions/${sessionId}/attendance`);
    expect(await row('سلمى عودة').locator('input[value="absent"]').isChecked()).toBe(true);
  });
});

it('a coach in Paris schedules an every-2-weeks series for an Amman circle, moves this and the following ones, cancels one, and the times follow Paris across its clock change', async () => {
  const { circleId, coach } = await circleWithMembers('series', 'Europe/Paris');
  const year = new Date().getUTCFullYear() + 1;

  await withPage(false, 'en', async (page) => {
    await signIn(page, 'en', coach.email, coach.password);
    await page.goto(`${WEB_URL()}/en/circles/${circleId}`);
    // "Bimonthly" is never offered: every 2 weeks and every 2 months are.
    const repeat = page.locator('#schedule-repeat');
    expect(await repeat.locator('option').allInnerTexts()).toEqual(['Once, no repeat', 'Every week', 'Every 2 weeks', 'Every month, same day', 'Every 2 months, same day']);
    expect(await page.getByText('Jordan', { exact: false }).count()).toBeGreaterThan(0);

    // A missing date comes back with its message and the values typed.
    await page.locator('#schedule-time').fill('18:00');
    await repeat.selectOption('every_2_weeks');
    await page.locator('#schedule-occurrences').fill('4');
    await submit(page, page.locator('#schedule button[type="submit"]'));
    await page.locator('#schedule-date-error', { hasText: 'This field is required.' }).waitFor();
    expect(await page.locator('#schedule-repeat').inputValue()).toBe('every_2_weeks');
    expect(await page.locator('#schedule-occurrences').inputValue()).toBe('4');

    await page.locator('#schedule-date').fill(`${year}-03-11`);
    await page.locator('#schedule-place').fill('Jabal al-Weibdeh community hall');
    await submit(page, page.locator('#schedule button[type="submit"]'));
    await page.getByText('The sessions are scheduled.').waitFor();

    // 18:00 in Amman is 16:00 in Paris before 28 March and 17:00 after; the Amman time is named beside it.
    const sessions = page.locator('section[aria-labelledby="sessions-title"] .sessions > li');
    expect(await sessions.count()).toBe(4);
    const texts = (await sessions.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    expect(texts[0]).toContain(`March 11, ${year}`);
    expect(texts[0]).toMatch(/4:00\s?–\s?5:30\s?PM/);
    expect(texts[1]).toContain(`March 25, ${year}`);
    expect(texts[1]).toMatch(/4:00\s?–\s?5:30\s?PM/);
    expect(texts[2]).toContain(`April 8, ${year}`);
    expect(texts[2]).toMatch(/5:00\s?–\s?6:30\s?PM/);
    expect(texts[3]).toContain(`April 22, ${year}`);
    for (const text of texts) {
      expect(text).toMatch(/6:00\s?PM .*where it is held/);
      expect(text).toContain('Jabal al-Weibdeh community hall');
    }
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'circles-series-en-nojs');

    // Move the second and the following ones to 19:00 Amman time; the first keeps its time.
    await sessions.nth(1).getByRole('link', { name: 'Change' }).click();
    await page.locator('#edit-session-time').fill('19:00');
    await page.getByLabel('This and the following sessions').check();
    await submit(page, page.locator('#edit button[type="submit"]'));
    await page.getByText('The session is changed.').waitFor();
    const moved = (await page.locator('section[aria-labelledby="sessions-title"] .sessions > li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    expect(moved[0]).toMatch(/4:00\s?–\s?5:30\s?PM/);
    expect(moved[1]).toMatch(/5:00\s?–\s?6:30\s?PM/);
    expect(moved[2]).toMatch(/6:00\s?–\s?7:30\s?PM/);
    expect(moved[3]).toMatch(/6:00\s?–\s?7:30\s?PM/);
    expect(moved[3]).toMatch(/7:00\s?PM .*where it is held/);

    // Cancel the third with a reason: it stays, marked cancelled.
    await sessions.nth(2).getByRole('link', { name: 'Cancel session' }).click();
    await page.locator('#cancel-session-reason').fill('Eid holiday');
    await submit(page, page.locator('#cancel button[type="submit"]'));
    await page.getByText('The session is cancelled.').waitFor();
    const third = page.locator('section[aria-labelledby="sessions-title"] .sessions > li').nth(2);
    expect(await third.innerText()).toContain('Cancelled');
    expect(await third.innerText()).toContain('Eid holiday');
  });
});

it('a trainee sees the next sessions in their own zone and downloads one as an .ics', async () => {
  const { circleId, coach, trainees, suffix, enrollmentIds } = await circleWithMembers('trainee');
  const [amal] = trainees;
  // Three days ago Amal came late; her record shows it.
  const held = await apiCall<{ items: { id: string }[] }>('POST', `/api/circles/${circleId}/sessions`, coach.token, { date: dayFromToday(-3), time: '18:00', durationMinutes: 90 });
  await apiCall('PUT', `/api/sessions/${held.items[0]?.id ?? ''}/attendance`, coach.token, { marks: [{ enrollmentId: enrollmentIds[0], status: 'late' }] });
  const date = dayFromToday(10);
  const created = await apiCall<{ items: { id: string }[] }>('POST', `/api/circles/${circleId}/sessions`, coach.token, {
    date,
    time: '18:00',
    durationMinutes: 90,
    place: { en: 'Community hall', ar: 'قاعة الحي' },
    agenda: { en: 'Mapping our street' },
  });
  const sessionId = created.items[0]?.id ?? '';

  await withPage(true, 'en', async (page) => {
    await signIn(page, 'en', amal.email, amal.password);
    await page.goto(`${WEB_URL()}/en/dashboard`);
    await page.locator('#circles-panel-title').waitFor();
    await page.getByRole('link', { name: 'My circle and calendar' }).click();
    await page.locator('h1', { hasText: `Neighbourhood circle ${suffix}` }).waitFor();
    expect(page.url()).toMatch(/\/en\/my-circle$/);
    const about = await page.locator('section[aria-labelledby="circle-title"]').innerText();
    for (const name of ['Huda Mansour', 'Karim Nasser', 'Salma Odeh']) expect(about).toContain(name);
    expect(about).not.toContain('@example');

    // Amal lives in Paris: 18:00 in Amman shows as her time, with the Amman time named.
    const next = page.locator('section[aria-labelledby="next-title"] .sessions > li').first();
    const text = (await next.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/(4|5):00\s?–\s?(5|6):30\s?PM/);
    expect(text).toMatch(/6:00\s?PM .*where it is held/);
    expect(text).toContain('Community hall');
    expect(text).toContain('Mapping our street');
    const record = (await page.locator('section[aria-labelledby="record-title"]').innerText()).replace(/\s+/g, ' ');
    expect(record).toContain('Your attendance: 100% · 1 of 1 session');
    expect(record).toContain('Late');
    expect(await horizontalOverflow(page)).toBe(0);
    // With JavaScript the feed address gets a copy button.
    await page.getByRole('button', { name: 'Copy the address' }).waitFor();
    await screenshot(page, 'circles-my-circle-en');

    const [download] = await Promise.all([page.waitForEvent('download'), next.getByRole('link', { name: 'Add to calendar' }).click()]);
    const ics = readFileSync((await download.path()) ?? '', 'utf8');
    const calendar = ICAL.Component.fromString(ics);
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error(`no VEVENT in the download:\n${ics}`);
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`session-${sessionId}@halaqa`);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Amman');
    expect(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toContain('Asia/Amman');
    expect(event.startDate.toString()).toBe(`${date}T18:00:00`);
    expect(event.location).toBe('Community hall');
  });

  // A member is sent from the coach's circle page to their own; the attendance form is not theirs.
  await withPage(false, 'en', async (page) => {
    await signIn(page, 'en', amal.email, amal.password);
    await page.goto(`${WEB_URL()}/en/circles/${circleId}`);
    expect(new URL(page.url()).pathname).toBe('/en/my-circle');
    expect((await page.goto(`${WEB_URL()}/en/sessions/${sessionId}/attendance`))?.status()).toBe(404);
  });

  // Someone outside the circle sees none of it, and gets no .ics of it.
  await withPage(false, 'en', async (page) => {
    await signIn(page, 'en', 'graduate@example.org');
    expect((await page.goto(`${WEB_URL()}/en/sessions/${sessionId}/calendar.ics`))?.status()).toBe(404);
    expect((await page.goto(`${WEB_URL()}/en/circles/${circleId}`))?.status()).toBe(404);
    expect((await page.goto(`${WEB_URL()}/en/sessions/${sessionId}/attendance`))?.status()).toBe(404);
  });
});

it('rotating the calendar feed address gives a new one and the old one stops working', async () => {
  const { trainees } = await circleWithMembers('feed');
  const karim = trainees[1];

  await withPage(false, 'ar', async (page) => {
    await signIn(page, 'ar', karim.email, karim.password);
    await page.goto(`${WEB_URL()}/ar/my-circle`);
    const oldUrl = await page.locator('#feed-url').inputValue();
    expect(oldUrl).toMatch(/\/api\/calendar\/[\w-]+\.ics$/);
    const before = await fetch(oldUrl);
    expect(before.status).toBe(200);
    expect(await before.text()).toContain('BEGIN:VCALENDAR');

    await submit(page, page.getByRole('button', { name: 'أنشئ رابطًا جديدًا' }));
    await page.getByText('لتقويمك رابط جديد.', { exact: false }).waitFor();
    await screenshot(page, 'circles-feed-rotated-ar-nojs');
    const newUrl = await page.locator('#feed-url').inputValue();
    expect(newUrl).not.toBe(oldUrl);
    expect((await fetch(oldUrl)).status).toBe(404);
    expect((await fetch(newUrl)).status).toBe(200);
  });
});

it('the circle pages fit a phone in ar, en and fr, with the header on one line for a coach and for a trainee', async () => {
  const { circleId, coach, trainees } = await circleWithMembers('layout');
  await apiCall('POST', `/api/circles/${circleId}/sessions`, coach.token, { date: dayFromToday(3), time: '18:00', durationMinutes: 90, repeat: 'monthly', occurrences: 3 });
  const views: Array<{ who: Person; paths: string[] }> = [
    { who: coach, paths: ['circles', `circles/${circleId}`] },
    { who: trainees[2], paths: ['my-circle', 'dashboard'] },
  ];
  for (const lang of ['ar', 'en', 'fr'] as const) {
    for (const view of views) {
      await withPage(false, lang, async (page) => {
        await signIn(page, lang, view.who.email, view.who.password);
        for (const path of view.paths) {
          await page.goto(`${WEB_URL()}/${lang}/${path}`);
          await screenshot(page, `circles-layout-${path.includes('/') ? 'circle' : path}-${lang}`);
          const tops = await page.locator('.main-nav li').evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
          expect({ lang, path, overflow: await horizontalOverflow(page), lines: new Set(tops).size }).toEqual({ lang, path, overflow: 0, lines: 1 });
        }
      });
    }
  }
});
