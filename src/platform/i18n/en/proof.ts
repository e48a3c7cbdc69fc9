// The proof-of-work widget (ALTCHA) on forms that need a proof: its own strings, in the page's language.
export const proof = {
  widget: {
    ariaLinkLabel: 'ALTCHA (official website)',
    cancel: 'Cancel',
    enterCode: 'Enter code',
    enterCodeAria: 'Enter the code you hear. Press Space to play the audio.',
    enterCodeFromImage: 'To continue, enter the code from the image below.',
    error: 'The check failed. Without it, send the form after the waiting time.',
    expired: 'The check expired. Reload the page.',
    footer: 'ALTCHA check, no tracking',
    getAudioChallenge: 'Get an audio challenge',
    label: "I'm not a robot",
    loading: 'Loading…',
    reload: 'Reload',
    verify: 'Check',
    verificationRequired: 'The check is required.',
    verified: 'Check passed',
    verifying: 'Checking…',
    waitAlert: 'Checking, please wait.',
  },
};
