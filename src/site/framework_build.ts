/**
 * `observable build`, its output shown as it comes and read for the one failure we can explain:
 * a page that needs a library the site does not ship offline (src/site/framework_failure.ts).
 *
 * @module
 */
import { frameworkCommand, type FrameworkPlace } from "./framework.ts";
import { explainFrameworkFailure } from "./framework_failure.ts";

/** Outcome of a Framework build: its exit code and, when it failed for a known reason, why in French. */
export interface FrameworkBuild {
  code: number;
  explanation: string | null;
}

/** Copies a stream to `out` while keeping the text, so the failure can be read afterwards. */
async function tee(stream: ReadableStream<Uint8Array>, out: { write(p: Uint8Array): Promise<number> }) {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    chunks.push(decoder.decode(chunk, { stream: true }));
    await out.write(chunk);
  }
  return chunks.join("");
}

/**
 * Runs `observable build` where `place` says (the project by default), echoing its output.
 *
 * @example
 * ```ts
 * const { code, explanation } = await frameworkBuild();
 * if (code !== 0) console.error(explanation ?? "La construction du site a échoué.");
 * ```
 */
export async function frameworkBuild(place: FrameworkPlace = {}, quiet = false): Promise<FrameworkBuild> {
  const child = frameworkCommand(["build"], "piped", place, "piped").spawn();
  const sink = quiet ? { write: (p: Uint8Array) => Promise.resolve(p.length) } : undefined;
  const [out, err, status] = await Promise.all([
    tee(child.stdout, sink ?? Deno.stdout),
    tee(child.stderr, sink ?? Deno.stderr),
    child.status,
  ]);
  return {
    code: status.code,
    explanation: status.success ? null : explainFrameworkFailure(`${out}\n${err}`),
  };
}
