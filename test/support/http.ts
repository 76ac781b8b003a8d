/** Small fetch helpers for the e2e tests (Node 20's global fetch). */
export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export async function http(url: string, init: RequestInit = {}): Promise<HttpResult> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
}

export function postWire(
  baseUrl: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  return http(`${baseUrl}/v1/wire`, { method: 'POST', body, headers });
}
