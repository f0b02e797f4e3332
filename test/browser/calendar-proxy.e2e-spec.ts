import ICAL from 'ical.js';
import { WEB_URL } from '../support/browser';
import { apiCall, apiLogin } from '../support/cohort-api';

// A calendar app subscribes to a URL and nothing else: the feed must also answer through the web's own origin, for
// deployments that expose only the web.
it("serves the demo trainee's calendar feed through the web, and nothing for a made-up token", async () => {
  const token = await apiLogin('trainee@example.org');
  const { url } = await apiCall<{ url: string }>('GET', '/api/me/calendar-feed', token);
  const path = new URL(url).pathname;
  expect(path).toMatch(/^\/api\/calendar\/[\w-]+\.ics$/);

  const res = await fetch(`${WEB_URL()}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
  const calendar = ICAL.Component.fromString(await res.text());
  const events = calendar.getAllSubcomponents('vevent');
  expect(events.length).toBeGreaterThan(0);
  expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toContain('Asia/Hebron');

  expect((await fetch(`${WEB_URL()}/api/calendar/${'A'.repeat(48)}.ics`)).status).toBe(404);
  expect((await fetch(`${WEB_URL()}/api/calendar/..%2F..%2Fapi%2Fme.ics`)).status).toBe(404);
});
