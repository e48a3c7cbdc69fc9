import type * as id from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

export const signup: Messages<typeof id.signup> = {
  title: 'Create an account',
  lead: 'With an account you can apply for passports for yourself and your family, and follow their progress.',
  nameHint: 'As on your e-KTP.',
  passwordHint: 'At least 10 characters. A short sentence is easy to remember and hard to guess.',
  submit: 'Sign up',
  haveAccount: 'Already have an account?',
  sentTitle: 'Check your email',
  sent: 'We sent a verification link to {{email}}. Open it to activate your account. The link is valid for 3 days.',
};

export const verify: Messages<typeof id.verify> = {
  title: 'Email verified',
  done: 'Thank you. Your account is active and you can sign in.',
};

export const login: Messages<typeof id.login> = {
  title: 'Sign in',
  submit: 'Sign in',
  forgot: 'Forgot your password?',
  ended:
    'Your session has ended (officer sessions end after {{minutes}} minutes without activity). Please sign in again.',
  proof: {
    legend: 'Security check',
    lead: 'There have been many failed sign-ins for this address, so this form is checked first. With JavaScript, the check runs by itself on your device.',
    noScript:
      'JavaScript is off: send this form at {{time}} WITA at the earliest ({{seconds}} seconds after the page opened).',
    required: 'To protect this account, wait for the check below to finish, then send again.',
    invalid: 'This form is not valid. Fill in the form below again.',
    expired: 'This form has been open too long. Fill in the form below again.',
    tooFast: 'The form was sent too early. Wait until the time shown, then send it again.',
    busy: 'Someone has just tried to sign in to this address without the check. Wait a few seconds, then send again.',
    used: 'This form has already been sent. Fill in the form below again.',
  },
};

export const totp: Messages<typeof id.totp> = {
  challengeTitle: 'Two-step verification',
  challengeLead: 'Enter the 6-digit code from your authenticator app.',
  verify: 'Verify',
  setupTitle: 'Turn on two-step verification',
  requiredForOfficers: 'Every officer must use two-step verification before they can work.',
  step1: 'Install an authenticator app (for example FreeOTP, Aegis or Google Authenticator) on your phone.',
  step2: 'Scan this QR code with the app.',
  step3: 'Enter the 6-digit code the app shows.',
  manual: 'Cannot scan? Type this key:',
  qrAlt: 'QR code for the authenticator app',
  enable: 'Turn on',
};

export const forgot: Messages<typeof id.forgot> = {
  title: 'Forgot your password',
  lead: 'Enter your account email address. We will send a link to choose a new password.',
  submit: 'Send link',
  sentTitle: 'Check your email',
  sent: 'If that address is registered, we have sent a link to choose a new password. The link is valid for 1 hour.',
};

export const reset: Messages<typeof id.reset> = {
  title: 'Choose a new password',
  submit: 'Save password',
  doneTitle: 'Password changed',
  done: 'Your new password is saved. All earlier sessions have been signed out.',
};

export const account: Messages<typeof id.account> = {
  title: 'My account',
  totpTitle: 'Two-step verification',
  totpOn: 'On.',
  totpOff: 'Not turned on.',
  totpSetup: 'Turn it on now',
  tokensTitle: 'API tokens',
  tokensLead: 'Tokens for applications that use the Sikoe API on your behalf. Revoke tokens you no longer use.',
  tokenCreated: 'New token created. Copy it now: it is shown only once.',
  tokenPrefix: 'Prefix',
  tokenCreatedAt: 'Created',
  tokenLastUsed: 'Last used',
  tokenRevoked: 'Revoked',
  tokenNameHint: 'What the token is for, e.g. "counter app".',
  revoke: 'Revoke',
  createToken: 'Create token',
  tokenExpires: 'Valid until',
  tokenExpired: 'Expired',
  tokenLifetime: 'New tokens are valid for {{days}} days.',
  sessionsTitle: 'Devices signed in',
  sessionsLead: 'End the session on any device you do not recognise or no longer use.',
  sessionDevice: 'Device',
  sessionSince: 'Signed in since',
  sessionLastSeen: 'Last active',
  sessionIp: 'IP address',
  sessionThis: 'This device',
  sessionEnd: 'End session',
  sessionEnded: 'The session on that device has ended.',
  unknownDevice: 'Unknown',
  everywhereTitle: 'Sign out everywhere',
  everywhereLead:
    'Ends every session, this one included, and revokes every API token. Use it when your password or phone may be known to someone else.',
  everywhere: 'Sign out everywhere',
  mail: {
    verify: {
      subject: 'Verify the email of your Sikoe account',
      body: 'Hello {{name}},\n\nOpen this link to activate your Sikoe account (valid for 3 days):\n{{link}}\n\nIf you did not sign up, ignore this email.',
    },
    exists: {
      subject: 'Your Sikoe account',
      body: 'Someone tried to sign up with this email address, which already has a Sikoe account.\n\nSign in: {{login}}\nForgot your password: {{reset}}\n\nIf that was not you, ignore this email.',
    },
    reset: {
      subject: 'Choose a new Sikoe password',
      body: 'Open this link to choose a new password (valid for 1 hour):\n{{link}}\n\nIf you did not ask for it, ignore this email; your password has not changed.',
    },
    officer: {
      subject: 'Your Sikoe officer account',
      body: 'Hello {{name}},\n\nYour Sikoe officer account has been created. Sign in at {{login}} with the initial password from your admin, then turn on two-step verification.',
    },
  },
};
