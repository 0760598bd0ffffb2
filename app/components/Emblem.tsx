/** The site mark: a gold star on red (decorative; the site name is always written next to it). */
export function Emblem() {
  return (
    <svg className="emblem" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="19" fill="#c8102e" stroke="#ffcd00" strokeWidth="2" />
      <path d="M20 8l3.1 9.5h10l-8.1 5.9 3.1 9.5-8.1-5.9-8.1 5.9 3.1-9.5-8.1-5.9h10z" fill="#ffcd00" />
    </svg>
  );
}
