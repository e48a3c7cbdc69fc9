import crypto from 'node:crypto';

/** A 15-digit billing code (kode billing) as the state treasury issues them; never starts with 0. */
export function newBillingCode(): string {
  let code = String(crypto.randomInt(1, 10));
  while (code.length < 15) code += String(crypto.randomInt(0, 10));
  return code;
}
