// npm run api-key -- <client>: a new API key for a client organisation. The key is printed once, for
// the client; only the line with its salted hash goes into the server's key file.
import { createKey, KeyConfigError } from '../http/auth.ts';

const client = process.argv[2];
if (!client) {
  process.stderr.write('gebruik: npm run api-key -- <organisatie>   (bijv. woonstad)\n');
  process.exit(2);
}
try {
  const { key, line } = await createKey(client);
  process.stdout.write(`Sleutel voor ${client} (geef door aan de organisatie; wordt nergens bewaard):\n  ${key}\n\n`
    + `Regel voor het sleutelbestand (VOORRANG_API_KEYS_FILE) of VOORRANG_API_KEYS:\n  ${line}\n`);
} catch (e) {
  if (!(e instanceof KeyConfigError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
}
