import { execFileSync } from 'node:child_process';

// The CLI tests run the built binary, as users do: build once per test run.
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/tsup/dist/cli-default.js', '--silent'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
}
