import type { App } from '../src/platform/http/server.ts';

type InjectOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  form?: Record<string, string | string[]>;
  headers?: Record<string, string>;
};

/**
 * A browser stand-in for app.inject: keeps cookies between requests and fills in the CSRF token that the last
 * page rendered, so form tests exercise the same protections as a person's browser.
 */
export class Browser {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;

  /** `remoteAddress`: the client's IP as the server sees it (for rules per client, such as sign-in slow-downs). */
  constructor(
    private readonly app: App,
    private readonly remoteAddress?: string,
  ) {}

  setCookie(header: string): this {
    const [pair] = header.split(';');
    const eq = pair!.indexOf('=');
    this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    return this;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request({ method = 'GET', url, form, headers = {} }: InjectOptions) {
    let payload: string | undefined;
    if (form) {
      const params = new URLSearchParams();
      if (this.csrf && !('_csrf' in form)) params.append('_csrf', this.csrf);
      for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      payload = params.toString();
      headers = { 'content-type': 'application/x-www-form-urlencoded', ...headers };
    }
    const res = await this.app.inject({
      method,
      url,
      payload,
      headers: { cookie: this.cookieHeader, ...headers },
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
    });
    const setCookies = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookies) ? setCookies : setCookies ? [setCookies] : []) {
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(c.split('=')[0]!);
      else this.setCookie(c);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ url, headers });
  }

  /** GETs the page the form is on first (for its CSRF token) unless a token is already in hand. */
  async post(url: string, form: Record<string, string | string[]>, pageUrl?: string) {
    if (pageUrl || !this.csrf) await this.get(pageUrl ?? '/');
    return this.request({ method: 'POST', url, form });
  }
}
