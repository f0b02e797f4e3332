import type { Browser, BrowserContext, Page } from 'playwright-core';
import { COHORT } from '../../api/src/demo/demo-data';
import { API_URL, horizontalOverflow, launchBrowser, newPhone, screenshot, signIn, submit, uniqueEmail, waitForEmail, WEB_URL } from '../support/browser';

type Lang = 'ar' | 'en';

interface CohortSummary {
  id: string;
  courseSlug: string;
  displayName: string;
  displayCity: string;
  online: boolean;
  status: string;
  seatsLeft: number;
  enrollmentMode: 'open' | 'application' | 'invite';
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function api<T>(path: string, options: { lang?: Lang; token?: string; method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${API_URL()}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      'Accept-Language': options.lang ?? 'en',
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  if (!response.ok) throw new Error(`${options.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The demo's joinable cohorts, as the public catalog lists them (in the reader's language). */
async function catalogCohorts(lang: Lang): Promise<CohortSummary[]> {
  const courses = await api<{ items: { slug: string }[] }>('/api/courses?pageSize=50', { lang });
  const details = await Promise.all(courses.items.map((course) => api<{ cohorts: CohortSummary[] }>(`/api/courses/${course.slug}`, { lang })));
  return details.flatMap((course) => course.cohorts).filter((cohort) => cohort.status === 'open' || cohort.status === 'running');
}

async function cohortWith(lang: Lang, predicate: (cohort: CohortSummary) => boolean): Promise<CohortSummary> {
  const found = (await catalogCohorts(lang)).find(predicate);
  if (!found) throw new Error('the demo data has no such cohort');
  return found;
}

/** A new trainee, so each test starts with no enrollments of its own. */
async function newTrainee(lang: Lang, label: string): Promise<{ email: string; password: string; token: string }> {
  const email = uniqueEmail(label);
  const password = 'trainee password';
  await api('/api/auth/register', {
    method: 'POST',
    body: { email, password, nameLatin: `Trainee ${label}`, nameArabic: 'متدرّبة جديدة', locale: lang, timeZone: 'Asia/Amman' },
  });
  const { token } = await api<{ token: string }>('/api/auth/login', { method: 'POST', body: { email, password } });
  return { email, password, token };
}

async function phone(js: boolean, lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhone(browser, { javaScriptEnabled: js, locale: lang });
  return { context, page: await context.newPage() };
}

const TEXT = {
  en: { catalog: 'Courses', upcoming: 'Upcoming cohorts', signInToJoin: 'Sign in to join', enrolled: 'You are enrolled', received: 'Application received', withdrawn: 'Withdrawn' },
  ar: { catalog: 'الدورات', upcoming: 'الدفعات القادمة', signInToJoin: 'سجّل الدخول لتنضم', enrolled: 'أنت مسجَّل في هذه الدفعة', received: 'وصلنا طلبك', withdrawn: 'منسحب' },
} as const;

describe.each([
  { lang: 'ar' as const, js: true },
  { lang: 'ar' as const, js: false },
  { lang: 'en' as const, js: true },
  { lang: 'en' as const, js: false },
])('from the catalog to a cohort, signed out ($lang, JavaScript $js)', ({ lang, js }) => {
  it('lists the courses, shows a course’s syllabus and upcoming cohorts, and the cohort asks to sign in to join', async () => {
    const cohort = await cohortWith(lang, (c) => c.enrollmentMode === 'application');
    const course = await api<{ displayTitle: string; modules: unknown[]; cohorts: CohortSummary[] }>(`/api/courses/${cohort.courseSlug}`, { lang });
    const { context, page } = await phone(js, lang);
    try {
      await page.goto(`${WEB_URL()}/${lang}`);
      await page.locator(`main a[href="/${lang}/courses"]`).first().click();
      await page.locator('h1', { hasText: TEXT[lang].catalog }).waitFor();
      expect(await page.locator('.course-list > li').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('.main-nav a.active').innerText()).toBe(TEXT[lang].catalog);
      await screenshot(page, `catalog-${lang}-${js ? 'js' : 'nojs'}`);
      expect(await horizontalOverflow(page)).toBe(0);

      await page.locator(`.course-list h2 a[href="/${lang}/courses/${cohort.courseSlug}"]`).click();
      await page.locator('h1', { hasText: course.displayTitle }).waitFor();
      // Without JavaScript the document is still being parsed when its h1 appears: wait until it is all there.
      await page.waitForLoadState('domcontentloaded');
      expect(await page.locator('.syllabus > li').count()).toBe(course.modules.length);
      expect(course.modules.length).toBeGreaterThanOrEqual(4);
      expect(await page.locator('#cohorts-title').innerText()).toBe(TEXT[lang].upcoming);
      // Other browser files add cohorts to this course while this one runs: the page lists every cohort the api listed
      // both before and after it was drawn, and none that the api listed at neither moment.
      const shown = await page.locator('.cohort-list > li a[href*="/cohorts/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!.split('/').pop()!))]);
      const after = await api<{ cohorts: CohortSummary[] }>(`/api/courses/${cohort.courseSlug}`, { lang });
      const before = new Set(course.cohorts.map((c) => c.id));
      const later = new Set(after.cohorts.map((c) => c.id));
      expect(shown.filter((id) => !before.has(id) && !later.has(id))).toEqual([]);
      expect([...before].filter((id) => later.has(id) && !shown.includes(id))).toEqual([]);
      expect(shown).toContain(cohort.id);
      // By its link, not its name: other browser files create cohorts on the same demo data while this one runs.
      const card = page.locator('.cohort-card').filter({ has: page.locator(`a[href="/${lang}/cohorts/${cohort.id}"]`) }).first();
      // Where and how: the city (or online), and the dates with the cohort's zone named for a signed-out reader.
      expect(await card.innerText()).toContain(cohort.online ? (lang === 'ar' ? 'عن بُعد' : 'Online') : cohort.displayCity);
      expect(await card.locator('.zone-note').count()).toBe(1);
      await screenshot(page, `course-${lang}-${js ? 'js' : 'nojs'}`);
      expect(await horizontalOverflow(page)).toBe(0);

      await card.locator('h3 a').click();
      await page.locator('h1', { hasText: cohort.displayName }).waitFor();
      const signInLink = page.locator('.join-panel a.primary');
      expect(await signInLink.innerText()).toBe(TEXT[lang].signInToJoin);
      expect(decodeURIComponent((await signInLink.getAttribute('href')) ?? '')).toContain(`redirectTo=/${lang}/cohorts/${cohort.id}`);
      await screenshot(page, `cohort-signed-out-${lang}-${js ? 'js' : 'nojs'}`);
      expect(await horizontalOverflow(page)).toBe(0);
    } finally {
      await context.close();
    }
  });
});

it('enrolls into an open cohort without JavaScript, and the dashboard lists it as enrolled', async () => {
  const cohort = await cohortWith('en', (c) => c.enrollmentMode === 'open' && c.seatsLeft > 1);
  const trainee = await newTrainee('en', 'open');
  const { context, page } = await phone(false, 'en');
  try {
    await signIn(page, 'en', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/en/cohorts/${cohort.id}`);
    await submit(page, page.locator('#join button[type="submit"]'));
    await page.locator('.your-status', { hasText: TEXT.en.enrolled }).waitFor();
    expect(await page.locator('.join-panel [role="status"]').innerText()).toContain('You are enrolled');
    await screenshot(page, 'cohort-enrolled-en-nojs');

    await page.goto(`${WEB_URL()}/en/dashboard`);
    const row = page.locator('.my-cohort', { hasText: cohort.displayName });
    expect(await row.locator('.status-badge').innerText()).toBe('Enrolled');
    const mail = await waitForEmail(trainee.email);
    expect(mail.subject ?? '').not.toBe('');
  } finally {
    await context.close();
  }
});

it('applies in Arabic without JavaScript: a missing answer is pointed out, the answers are kept, and the dashboard says the application was received', async () => {
  const cohort = await cohortWith('ar', (c) => c.id === COHORT.amman);
  const detail = await api<{ applicationQuestions: { key: string; required: boolean }[] }>(`/api/cohorts/${cohort.id}`, { lang: 'ar' });
  expect(detail.applicationQuestions.length).toBeGreaterThan(0);
  const trainee = await newTrainee('ar', 'apply');
  const { context, page } = await phone(false, 'ar');
  try {
    await signIn(page, 'ar', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/ar/cohorts/${cohort.id}`);
    const answers = page.locator('#join textarea');
    expect(await answers.count()).toBe(detail.applicationQuestions.length);

    // Everything but the first answer: a required question left empty is refused, next to that question.
    const firstRequired = detail.applicationQuestions.findIndex((q) => q.required);
    for (const [index, question] of detail.applicationQuestions.entries()) {
      if (index !== firstRequired) await page.locator(`#join textarea[name="answer_${question.key}"]`).fill(`إجابتي عن السؤال ${index + 1}: أعمل مع شباب الحي منذ سنتين.`);
    }
    if (firstRequired >= 0) {
      await submit(page, page.locator('#join button[type="submit"]'));
      const key = detail.applicationQuestions[firstRequired].key;
      await page.locator(`#join-answer_${key}-error`).waitFor();
      expect(await page.locator(`#join-answer_${key}-error`).innerText()).toContain('مطلوب');
      // What was typed is still there.
      const other = detail.applicationQuestions.find((_, index) => index !== firstRequired);
      if (other) expect(await page.locator(`#join textarea[name="answer_${other.key}"]`).inputValue()).toContain('إجابتي');
      await screenshot(page, 'cohort-apply-missing-ar-nojs');
      await page.locator(`#join textarea[name="answer_${key}"]`).fill('أريد أن أتعلّم كيف أروي قصتي لأحشد جيراني.');
    }
    await submit(page, page.locator('#join button[type="submit"]'));
    await page.locator('.your-status', { hasText: TEXT.ar.received }).waitFor();
    await screenshot(page, 'cohort-applied-ar-nojs');

    await page.goto(`${WEB_URL()}/ar/dashboard`);
    const row = page.locator('.my-cohort', { hasText: cohort.displayName });
    expect(await row.locator('.status-badge').innerText()).toBe(TEXT.ar.received);
    await screenshot(page, 'dashboard-applied-ar-nojs');
    expect(await horizontalOverflow(page)).toBe(0);
  } finally {
    await context.close();
  }
});

describe.each([true, false])('an invite-only cohort (JavaScript %s)', (js) => {
  it('refuses a wrong code with the api’s explanation and keeps the person out', async () => {
    const cohort = await cohortWith('en', (c) => c.enrollmentMode === 'invite');
    const trainee = await newTrainee('en', 'invite');
    const { context, page } = await phone(js, 'en');
    try {
      await signIn(page, 'en', trainee.email, trainee.password);
      await page.goto(`${WEB_URL()}/en/cohorts/${cohort.id}`);
      await page.locator('#join input[name="inviteCode"]').fill('NOT-A-REAL-CODE');
      await submit(page, page.locator('#join button[type="submit"]'));
      // The api's words, next to the field: the code is not valid (or expired, or used up).
      const fieldError = page.locator('#join-inviteCode-error');
      await fieldError.waitFor();
      expect(await fieldError.innerText()).toContain('not valid');
      expect(await page.locator('#join [role="alert"]').count()).toBe(1);
      expect(await page.locator('#join input[name="inviteCode"]').inputValue()).toBe('NOT-A-REAL-CODE');
      expect(await page.locator('.your-status').count()).toBe(0);
      await screenshot(page, `cohort-invite-refused-en-${js ? 'js' : 'nojs'}`);
      const mine = await api<unknown[] | { items: unknown[] }>('/api/me/enrollments', { token: trainee.token });
      expect(Array.isArray(mine) ? mine : mine.items).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe.each([
  { lang: 'en' as const, js: true },
  { lang: 'ar' as const, js: false },
])('withdrawing from the dashboard ($lang, JavaScript $js)', ({ lang, js }) => {
  it('asks first, then shows the cohort as withdrawn and offers to join again', async () => {
    const cohort = await cohortWith(lang, (c) => c.enrollmentMode === 'open' && c.seatsLeft > 1);
    const trainee = await newTrainee(lang, 'withdraw');
    await api(`/api/cohorts/${cohort.id}/enrollments`, { method: 'POST', token: trainee.token, body: {} });
    const { context, page } = await phone(js, lang);
    try {
      await signIn(page, lang, trainee.email, trainee.password);
      await page.goto(`${WEB_URL()}/${lang}/dashboard`);
      const row = page.locator('.my-cohort', { hasText: cohort.displayName });
      await row.locator('a.danger').click();
      await page.locator('#withdraw-title').waitFor();
      expect(await page.locator('#withdraw-title').innerText()).toContain(cohort.displayName);
      await screenshot(page, `dashboard-withdraw-confirm-${lang}-${js ? 'js' : 'nojs'}`);
      expect(await horizontalOverflow(page)).toBe(0);
      await submit(page, page.locator('.confirm button[type="submit"]'));
      await row.locator('.status-badge', { hasText: TEXT[lang].withdrawn }).waitFor();
      expect(await page.locator('.my-cohorts [role="status"]').count()).toBe(1);
      expect(await row.locator('a.danger').count()).toBe(0);

      // The cohort page offers joining again.
      await row.locator('h3 a').click();
      await page.locator('h1', { hasText: cohort.displayName }).waitFor();
      expect(await page.locator('#join button[type="submit"]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

it('puts a newcomer to a full cohort on the waitlist and says where they stand (JavaScript on)', async () => {
  const cohort = await cohortWith('en', (c) => c.enrollmentMode === 'open' && c.seatsLeft === 0);
  const trainee = await newTrainee('en', 'waitlist');
  const { context, page } = await phone(true, 'en');
  try {
    await signIn(page, 'en', trainee.email, trainee.password);
    await page.goto(`${WEB_URL()}/en/cohorts/${cohort.id}`);
    expect(await page.locator('.cohort-facts dd.full').innerText()).toContain('Full.');
    const button = page.locator('#join button[type="submit"]');
    expect(await button.innerText()).toBe('Join the waitlist');
    await submit(page, button);
    await page.locator('.your-status', { hasText: 'You are on the waitlist' }).waitFor();
    expect(await page.locator('.your-status').innerText()).toMatch(/You are number \d+ on the waitlist\./);
    await screenshot(page, 'cohort-waitlisted-en-js');

    await page.goto(`${WEB_URL()}/en/dashboard`);
    const row = page.locator('.my-cohort', { hasText: cohort.displayName });
    expect(await row.locator('.enrollment-status').innerText()).toMatch(/On the waitlist · number \d+ on the waitlist/);
  } finally {
    await context.close();
  }
});

it('lets a sponsored trainee stop and resume sharing progress with their organization, without JavaScript', async () => {
  const { context, page } = await phone(false, 'ar');
  try {
    await signIn(page, 'ar', 'ali.kadhim@example.org');
    await page.goto(`${WEB_URL()}/ar/dashboard`);
    // The demo's Najaf cohort, where the forum placed Ali with consent; other files nominate him elsewhere meanwhile.
    const row = page.locator('.my-cohort').filter({ has: page.locator(`a[href="/ar/cohorts/${COHORT.najaf}"]`) }).first();
    const consent = row.locator('.consent');
    // What is shared, and with whom, is said before anyone decides.
    expect(await consent.innerText()).toContain('منتدى النجف الاجتماعي');
    expect(await consent.innerText()).toContain('لا يرون أبدًا إجاباتك');
    expect(await consent.locator('strong').innerText()).toBe('أنت تشارك تقدّمك مع منتدى النجف الاجتماعي.');
    await screenshot(page, 'dashboard-consent-ar-nojs');

    await submit(page, consent.locator('button[type="submit"]'));
    await page.locator('.my-cohorts [role="status"]', { hasText: 'لم تعد منظمتك ترى تقدّمك.' }).waitFor();
    expect(await consent.locator('strong').innerText()).toBe('أنت لا تشارك تقدّمك مع منتدى النجف الاجتماعي.');

    await submit(page, consent.locator('button[type="submit"]'));
    await page.locator('.my-cohorts [role="status"]', { hasText: 'صار بإمكان منظمتك رؤية تقدّمك.' }).waitFor();
    expect(await consent.locator('strong').innerText()).toBe('أنت تشارك تقدّمك مع منتدى النجف الاجتماعي.');
  } finally {
    await context.close();
  }
});
