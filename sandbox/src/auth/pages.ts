// HTML of the authorization servers' own pages: sign-in, authorization (with the sensitive-data choice),
// and errors. Plain words, real labels, one heading per page, visible focus, WCAG AA contrast; no script at
// all, so the Content-Security-Policy can forbid every script. All text is HTML-escaped.

export const PAGE_CSS = `
:root { color-scheme: light; }
body { font: 1.05rem/1.5 system-ui, sans-serif; color: #1b1b1b; background: #f7f7f5; margin: 0; }
main { max-width: 36rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border: 1px solid #c9c9c9; border-radius: 6px; }
h1 { font-size: 1.5rem; margin-top: 0; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input[type=text], input[type=password] { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem; border: 1px solid #595959; border-radius: 4px; }
fieldset { border: 1px solid #595959; border-radius: 4px; margin-top: 1rem; padding: .5rem 1rem 1rem; }
legend { font-weight: 600; padding: 0 .25rem; }
fieldset label { font-weight: 400; display: flex; gap: .5rem; align-items: flex-start; }
.buttons { display: flex; gap: 1rem; margin-top: 1.5rem; }
button { font: inherit; padding: .5rem 1.25rem; border-radius: 4px; border: 2px solid #0b4f8a; cursor: pointer; }
button.primary { background: #0b4f8a; color: #fff; }
button.secondary { background: #fff; color: #0b4f8a; }
:focus-visible { outline: 3px solid #c45500; outline-offset: 2px; }
.error { color: #8a1c1c; font-weight: 600; }
ul.scopes li { margin: .25rem 0; }
a { color: #0b4f8a; }
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, systemTitle: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(systemTitle)}</title>
<link rel="stylesheet" href="/auth/static/pages.css">
</head>
<body>
<main>
<p>${escapeHtml(systemTitle)}</p>
${body}
</main>
</body>
</html>`;
}

export function loginPage(options: { systemTitle: string; clientName: string; action: string; who: string; error?: string; username?: string }): string {
  return page('Sign in', options.systemTitle, `
<h1>Sign in</h1>
<p>${escapeHtml(options.clientName)} is asking to use your ${escapeHtml(options.systemTitle)} account. Sign in as a ${escapeHtml(options.who)} to continue.</p>
${options.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="${escapeHtml(options.action)}">
<label for="username">User name</label>
<input type="text" id="username" name="username" autocomplete="username" required autofocus value="${escapeHtml(options.username ?? '')}"${options.error ? ' aria-describedby="login-error"' : ''}>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<div class="buttons">
<button type="submit" class="primary" name="decision" value="sign-in">Sign in</button>
<button type="submit" class="secondary" name="decision" value="cancel" formnovalidate>Cancel</button>
</div>
</form>`);
}

export interface ConsentView {
  systemTitle: string;
  clientName: string;
  action: string;
  userDisplay: string;
  patientDisplay?: string;
  scopeDescriptions: string[];
  offerSensitiveChoice: boolean;
  error?: string;
}

export function consentPage(v: ConsentView): string {
  const sensitive = v.offerSensitiveChoice
    ? `<fieldset${v.error ? ' aria-describedby="consent-error"' : ''}>
<legend>Sensitive health information</legend>
<p>Some of your records may be about mental or behavioral health, substance use treatment, HIV or other sensitive care. You decide whether ${escapeHtml(v.clientName)} may receive them.</p>
<label><input type="radio" name="sensitive" value="regular" required> Do not share sensitive information (share everything else)</label>
<label><input type="radio" name="sensitive" value="sensitive" required> Share all of my information, including sensitive information</label>
</fieldset>`
    : '';
  return page('Allow access', v.systemTitle, `
<h1>Allow ${escapeHtml(v.clientName)} to access your information?</h1>
<p>Signed in as <strong>${escapeHtml(v.userDisplay)}</strong>.${v.patientDisplay ? ` Records of <strong>${escapeHtml(v.patientDisplay)}</strong>.` : ''}</p>
${v.error ? `<p class="error" role="alert" id="consent-error">${escapeHtml(v.error)}</p>` : ''}
<p>${escapeHtml(v.clientName)} will be able to:</p>
<ul class="scopes">${v.scopeDescriptions.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>
<form method="post" action="${escapeHtml(v.action)}">
${sensitive}
<div class="buttons">
<button type="submit" class="primary" name="decision" value="allow">Allow</button>
<button type="submit" class="secondary" name="decision" value="deny" formnovalidate>Deny</button>
</div>
</form>`);
}

export function errorPage(options: { systemTitle: string; title: string; message: string; wayOn?: { href: string; label: string } }): string {
  return page(options.title, options.systemTitle, `
<h1>${escapeHtml(options.title)}</h1>
<p role="alert">${escapeHtml(options.message)}</p>
<p>${options.wayOn ? `<a href="${escapeHtml(options.wayOn.href)}">${escapeHtml(options.wayOn.label)}</a>` : 'Close this window and start again from the application you came from.'}</p>`);
}

/** Plain-language description of a granted scope for the authorization page. */
export function describeScope(scope: string): string | undefined {
  const fixed: Record<string, string> = {
    openid: 'Confirm who you are',
    fhirUser: 'Know which person you are in this system',
    launch: 'Open with the patient chosen in your EHR',
    'launch/patient': 'Know which patient record to open',
    'launch/encounter': 'Know the current visit',
    offline_access: 'Keep access when you are not using it, until you revoke it',
    online_access: 'Keep access while you are signed in',
  };
  if (fixed[scope]) return fixed[scope];
  const m = /^(patient|user|system)\/(\*|[A-Za-z]+)\.(.+)$/.exec(scope);
  if (!m) return undefined;
  const what = m[2] === '*' ? 'records' : `${m[2]} records`;
  // v1 names the access (read, write, *); v2 lists letters of cruds ("read" holds a 'd' but is v1 read-only).
  const v1 = /^(read|write|\*)$/.test(m[3]);
  const reading = v1 ? m[3] !== 'write' : /[rs]/.test(m[3]);
  const writing = v1 ? m[3] !== 'read' : /[cud]/.test(m[3]);
  const verbs = [reading ? 'read' : '', writing ? 'add or change' : ''].filter(Boolean).join(' and ');
  const object = m[1] === 'patient' ? `this patient's ${what}` : m[1] === 'user' ? `the ${what} you are allowed to see` : `all ${what}`;
  return `${verbs[0]!.toUpperCase()}${verbs.slice(1)} ${object}`;
}

/** Strict CSP: no scripts, styles only from ourselves, forms only to ourselves and the client's redirect origins. */
export function contentSecurityPolicy(formTargets: string[]): string {
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}
