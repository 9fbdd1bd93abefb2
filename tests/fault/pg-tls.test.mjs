// chibo reaches PostgreSQL over TLS with the server's certificate verified (ASVS 12.3.1, 12.3.2;
// docs/security.md E7, docs/deploy.md §2.3): on a cluster of its own that accepts only TLS
// (hostssl) with a certificate from a test CA, chibo migrates, loads a demo and checks the
// database with sslmode=verify-full; a certificate from another CA, a host name the certificate
// does not name, and a connection without TLS are refused, each with libpq's reason.
//
// PostgreSQL only (CTest fault.postgresql). openssl makes the throwaway CA and certificates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runChibo, ENGINE } from '../api/lib/server.mjs';
import { cluster, sqlOk } from './lib/cluster.mjs';

const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

// A CA and a server certificate it signed for 127.0.0.1 only; and a CA that signed nothing here.
function makeCertificates(dir) {
  const file = (name) => path.join(dir, name);
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=chibo test CA',
    '-keyout', file('ca.key'), '-out', file('ca.crt'));
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1',
    '-keyout', file('server.key'), '-out', file('server.csr'));
  fs.writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'),
    '-CAcreateserial', '-days', '2', '-extfile', file('san.ext'), '-out', file('server.crt'));
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=another CA',
    '-keyout', file('other.key'), '-out', file('other.crt'));
}

test('chibo verifies the PostgreSQL server\'s certificate and host name, and a TLS-only server refuses plain connections', {
  skip: ENGINE !== 'postgresql' ? 'PostgreSQL only (CTest fault.postgresql)' : false,
  timeout: 300_000,
}, async () => {
  const clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-pg-tls-'));
  const certs = fs.mkdtempSync(path.join(os.tmpdir(), 'chibo-pg-certs-'));
  try {
    const url = await cluster('start', clusterDir);
    await cluster('watch', String(process.pid), clusterDir);
    makeCertificates(certs);
    // The server's key and certificate where the server reads them, owned by its account
    // (PostgreSQL refuses a key others can read).
    const dataDir = path.dirname(await sqlOk(url, 'SHOW hba_file'));
    const owner = fs.statSync(dataDir);
    for (const name of ['server.crt', 'server.key']) {
      fs.copyFileSync(path.join(certs, name), path.join(dataDir, name));
      fs.chownSync(path.join(dataDir, name), owner.uid, owner.gid);
      fs.chmodSync(path.join(dataDir, name), 0o600);
    }
    await sqlOk(url, 'CREATE DATABASE chibo_tls');
    await sqlOk(url, "ALTER SYSTEM SET ssl = on");
    // TLS only from now on: plain connections over TCP find no pg_hba.conf line.
    fs.writeFileSync(path.join(dataDir, 'pg_hba.conf'),
      'local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostssl all all ::1/128 trust\n');
    await sqlOk(url, 'SELECT pg_reload_conf()');

    const base = url.replace(/\/postgres$/, '/chibo_tls');
    const verified = `${base}?sslmode=verify-full&sslrootcert=${path.join(certs, 'ca.crt')}`;
    let run = await runChibo(['demo', '--db', verified, '--members', '200', '--quiet']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    run = await runChibo(['check', '--db', verified]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /ok/);
    // The server saw TLS: its own view of a connection made the same way.
    assert.equal(await sqlOk(`${verified}`, 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()'), 't');

    run = await runChibo(['check', '--db', `${base}?sslmode=verify-full&sslrootcert=${path.join(certs, 'other.crt')}`]);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /certificate verify failed/);
    run = await runChibo(['check', '--db', `${base.replace('127.0.0.1', 'localhost')}?sslmode=verify-full&sslrootcert=${path.join(certs, 'ca.crt')}`]);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /does not match host name "localhost"/);
    run = await runChibo(['check', '--db', `${base}?sslmode=disable`]);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /no pg_hba\.conf entry.*no encryption/);
  } finally {
    await cluster('stop', clusterDir).catch(() => {});
    fs.rmSync(certs, { recursive: true, force: true });
  }
});
