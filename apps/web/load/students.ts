/** Signs students up through the app's own sign-up route, as a class would on the first day. */

let lastIp = 0;
/** A client address no earlier sign-up came from (sign-up is limited to 5 a minute per address). */
function freshIp(): string {
  lastIp++;
  return `198.18.${(lastIp >> 8) & 255}.${lastIp & 255}`;
}

/** Signs up `count` students (a few at a time) and returns each one's session cookie. */
export async function signUpStudents(url: string, count: number, prefix = "student"): Promise<string[]> {
  const cookies: string[] = [];
  const stamp = Date.now().toString(36);
  for (let start = 0; start < count; start += 4) {
    const batch = Array.from({ length: Math.min(4, count - start) }, async (_, i) => {
      const n = start + i;
      const response = await fetch(`${url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url, "x-forwarded-for": freshIp() },
        body: JSON.stringify({
          email: `${prefix}-${stamp}-${n}@load.example`,
          password: "a long enough password",
          name: `${prefix} ${n}`,
        }),
      });
      if (response.status !== 200)
        throw new Error(`sign-up ${n} answered ${response.status}: ${await response.text()}`);
      return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    });
    cookies.push(...(await Promise.all(batch)));
  }
  return cookies;
}
