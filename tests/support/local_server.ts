/**
 * Test support for browser tests that start a server of their own (a dev server, Framework's
 * preview): a free loopback port, and waiting until the server answers.
 *
 * @module
 */

/** A free loopback port. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** Resolves once `url` answers 200; throws if `child` exits first or after two minutes. */
export async function waitForServer(url: string, child: Deno.ChildProcess): Promise<void> {
  const exited = child.status.then(() => true);
  for (let i = 0; i < 600; i++) {
    if (await Promise.race([exited, Promise.resolve(false)])) throw new Error("le serveur s'est arrêté");
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} ne répond pas`);
}
