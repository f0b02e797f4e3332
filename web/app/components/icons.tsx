/**
 * Inline icons. Those that point along the reading direction carry `icon-directional`, which the stylesheet
 * mirrors in right-to-left pages, so "next" always points forward.
 */
export function ChevronForward() {
  return (
    <svg className="icon icon-directional" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M9 5l7 7-7 7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function ChevronBack() {
  return (
    <svg className="icon icon-directional" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function CircleMark() {
  return (
    <svg className="icon brand-mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="12" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="16" cy="4" r="3" fill="currentColor" />
      <circle cx="26.4" cy="22" r="3" fill="currentColor" />
      <circle cx="5.6" cy="22" r="3" fill="currentColor" />
    </svg>
  );
}
