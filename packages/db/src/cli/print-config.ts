/** Prints one configuration value (for shell scripts, which must not parse the env themselves). */
import { loadConfigOrExit, type TConfig } from "@forecourt/config";

const key = process.argv[2] as keyof TConfig | undefined;
const config = loadConfigOrExit();
if (!key || !(key in config)) {
  console.error(`Unknown configuration key: ${key ?? "(none)"}`);
  process.exit(2);
}
console.log(String(config[key]));
