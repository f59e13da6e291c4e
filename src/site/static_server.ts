/**
 * A minimal static file server for dist/ on 127.0.0.1, used by the browser tests and the
 * benchmarks (Framework's preview server rebuilds pages; tests must see the built site).
 *
 * @module
 */
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".csv": "text/csv; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** A running server: its base URL and a way to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on a free loopback port; clean URLs map `/page` to `page.html`. */
export function serveStatic(root: string): StaticServer {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    const safe = normalize(path).replace(/^(\.\.(\/|\\|$))+/, "");
    const candidates = safe.endsWith("/")
      ? [join(root, safe, "index.html")]
      : [join(root, safe), join(root, `${safe}.html`)];
    for (const file of candidates) {
      try {
        const body = await Deno.readFile(file);
        return new Response(body, {
          headers: { "content-type": TYPES[extname(file)] ?? "application/octet-stream" },
        });
      } catch {
        // try the next candidate
      }
    }
    return new Response("Introuvable", { status: 404 });
  });
  const { port } = server.addr as Deno.NetAddr;
  return { url: `http://127.0.0.1:${port}`, close: () => server.shutdown() };
}
