/**
 * `npm run bench:iac`: scans a generated repository of 2,000 .tf files (modules of IAM policies, S3 buckets with
 * their encryption, EBS volumes, SQS queues) and reports files per second and peak memory, from the working tree
 * and at a ref (`--ref HEAD`, the files read from git's object store), which must find the same. In the same run,
 * the same corpus goes to Checkov (`checkov -d`) and Trivy (`trivy config`), when they are installed.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { packageRoot } from '../../src/util/package-info.js';
import { measure } from './measure.js';

const FILES = Number(process.env.BENCH_FILES ?? 2000);
const root = packageRoot();

function tfFile(n: number): string {
  const bad = n % 7 === 0;
  return `
resource "aws_iam_policy" "p${n}" {
  name = "app-${n}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ${bad ? '"*"' : '["s3:GetObject", "s3:ListBucket"]'}
      Resource = ${bad ? '"*"' : `"arn:aws:s3:::bucket-${n}/*"`}
    }]
  })
}

resource "aws_s3_bucket" "b${n}" {
  bucket = "acme-bucket-${n}"
  tags = { team = "t${n % 9}" }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "b${n}" {
  bucket = aws_s3_bucket.b${n}.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_ebs_volume" "v${n}" {
  availability_zone = "eu-west-1a"
  size              = 20
  encrypted         = ${bad ? 'false' : 'true'}
}
`;
}

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  const dir = join(tmpdir(), 'driftwarden-bench-iac');
  rmSync(dir, { recursive: true, force: true });
  for (let n = 0; n < FILES; n++) {
    const module = join(dir, `modules/m${Math.floor(n / 100)}`);
    mkdirSync(module, { recursive: true });
    writeFileSync(join(module, `r${n}.tf`), tfFile(n));
  }
  const git = simpleGit(dir);
  await git.init().addConfig('user.email', 'b@example.com').addConfig('user.name', 'b');
  await git.add('.').commit('corpus');
  console.log(`corpus: ${FILES} .tf files in ${Math.ceil(FILES / 100)} modules, ${FILES * 4} resources\n`);

  const ours = await measure(
    process.execPath,
    [join(root, 'dist/cli/bin.js'), 'scan', '--repo', '.', '--format', 'json', '--fail-on', 'none'],
    dir,
  );
  const report = JSON.parse(ours.stdout);
  console.log(
    `driftwarden: ${ours.ms} ms, ${(FILES / (ours.ms / 1000)).toFixed(0)} files/s, peak RSS ${ours.peakMiB} MiB, ${report.violations.length} violations`,
  );
  const atRef = await measure(
    process.execPath,
    [
      join(root, 'dist/cli/bin.js'),
      'scan',
      '--repo',
      '.',
      '--ref',
      'HEAD',
      '--format',
      'json',
      '--fail-on',
      'none',
    ],
    dir,
  );
  const refReport = JSON.parse(atRef.stdout);
  console.log(
    `driftwarden --ref HEAD: ${atRef.ms} ms, ${(FILES / (atRef.ms / 1000)).toFixed(0)} files/s, peak RSS ${atRef.peakMiB} MiB, ${refReport.violations.length} violations`,
  );
  if (refReport.violations.length !== report.violations.length)
    throw new Error('the scan at a ref found other violations than the working tree');

  if (process.env.BENCH_PEERS !== 'off') {
    const checkov = await measure(
      'checkov',
      ['-d', '.', '--framework', 'terraform', '--quiet', '--compact', '-o', 'json', '--skip-download'],
      dir,
    );
    const failed = (() => {
      try {
        const parsed = JSON.parse(checkov.stdout) as
          | { summary?: { failed?: number } }
          | { summary?: { failed?: number } }[];
        return Array.isArray(parsed)
          ? parsed.reduce((s, p) => s + (p.summary?.failed ?? 0), 0)
          : (parsed.summary?.failed ?? 0);
      } catch {
        return 'unparsed';
      }
    })();
    console.log(
      `checkov:     ${checkov.ms} ms, ${(FILES / (checkov.ms / 1000)).toFixed(0)} files/s, peak RSS ${checkov.peakMiB} MiB (main process), ${failed} failed checks, exit ${checkov.code}`,
    );
    console.log(`ratio: checkov / driftwarden = ${(checkov.ms / ours.ms).toFixed(1)}x`);
    const trivyBin =
      [join(root, '.tools/bin/trivy'), 'trivy'].find((p) => p === 'trivy' || existsSync(p)) ?? 'trivy';
    const trivy = await measure(
      trivyBin,
      ['config', '--format', 'json', '--quiet', '--skip-check-update', '.'],
      dir,
    );
    if (trivy.code === -1 || (trivy.code !== 0 && trivy.stdout === ''))
      console.log('trivy:       not available');
    else {
      console.log(
        `trivy:       ${trivy.ms} ms, ${(FILES / (trivy.ms / 1000)).toFixed(0)} files/s, peak RSS ${trivy.peakMiB} MiB, exit ${trivy.code}`,
      );
      console.log(`ratio: trivy / driftwarden = ${(trivy.ms / ours.ms).toFixed(1)}x`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
