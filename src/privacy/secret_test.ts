import assert from "node:assert/strict";
import { join } from "node:path";
import { loadOrCreateSecret } from "./secret.ts";

Deno.test("the secret is created once, private, then reused", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "sub", "cle");
  const first = await loadOrCreateSecret(path);
  assert.equal(first.created, true);
  assert.equal(first.key.length, 32);
  assert.equal((await Deno.stat(path)).mode! & 0o777, 0o600);
  const second = await loadOrCreateSecret(path);
  assert.equal(second.created, false);
  assert.deepEqual(second.key, first.key);
  await Deno.writeTextFile(path, "abc");
  await assert.rejects(() => loadOrCreateSecret(path), /invalide/);
  await Deno.remove(dir, { recursive: true });
});
