// A real OpenID provider for DVZ Desktop's tests: panva's oidc-provider with a login form of its own
// (no devInteractions), started by tests/services/oidc_provider.py.
//
//   node provider.mjs CONFIG.json
//
// CONFIG: {"clients": [client metadata...], "users_file": "users.json", "ttl": {"AccessToken": 600, ...},
//          "port": 0 (any free one) or the port of an earlier start, "signing_key": a private RS256 JWK}
// users.json: {"users": [{"sub", "username", "password", "name", "email", "groups": [...], "disabled"}]}
// is read again on every look-up, so a test disables a user by rewriting the file.
//
// Listens on loopback and prints one JSON line {"issuer": "http://127.0.0.1:PORT"} once it serves.
// ID tokens are signed RS256 with the configured key (made here if none is given); refresh tokens are
// issued to every client allowed the refresh_token grant (as Keycloak does, without offline_access).
import { generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function users() {
  return JSON.parse(readFileSync(config.users_file, 'utf8')).users;
}

function sameText(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && timingSafeEqual(left, right);
}

function activeUser(sub) {
  return users().find((user) => user.sub === sub && !user.disabled);
}

// A disabled or removed user has no account: logins, refreshes and userinfo are refused.
async function findAccount(_ctx, sub) {
  const user = activeUser(sub);
  if (!user) return undefined;
  return {
    accountId: user.sub,
    async claims() {
      return {
        sub: user.sub,
        name: user.name,
        preferred_username: user.username,
        email: user.email,
        email_verified: true,
        groups: user.groups ?? [],
      };
    },
  };
}

// First-party clients: no consent page. oidc-provider asks native clients for consent on every
// authorization (native_client_prompt), so the login (or, when signed in already, the consent
// interaction) finishes with a grant for the scopes the request asked for.
async function grantFor(provider, details, accountId) {
  const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  return grant.save();
}

// An existing grant is widened to what a later request asks for (no consent page either).
async function loadExistingGrant(ctx) {
  const { session, client } = ctx.oidc;
  const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
  let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
  if (!grant) {
    grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  }
  grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
  grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
  await grant.save();
  return grant;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid, error) {
  const message = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anmelden</title></head>
<body><h1>Anmelden</h1>${message}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Benutzername <input name="username" autocomplete="username" autofocus></label>
<label>Passwort <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Anmelden</button></form>
<p><a href="/interaction/${escapeHtml(uid)}/abort">Abbrechen</a></p></body></html>`;
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

// GET /interaction/:uid shows the form; POST /interaction/:uid/login checks it; /abort refuses.
async function interaction(provider, req, res) {
  const [, , uid, action] = new URL(req.url, 'http://x').pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'interaction mismatch');
  if (action === 'abort') {
    const result = { error: 'access_denied', error_description: 'Anmeldung abgebrochen' };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const user = users().find((candidate) => candidate.username === form.get('username'));
    if (!user || !sameText(user.password, form.get('password') ?? '')) {
      return send(res, 401, loginPage(uid, 'Benutzername oder Passwort falsch.'));
    }
    if (user.disabled) return send(res, 403, loginPage(uid, 'Dieses Konto ist gesperrt.'));
    const result = { login: { accountId: user.sub }, consent: { grantId: await grantFor(provider, details, user.sub) } };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  if (details.prompt.name === 'consent' && details.session?.accountId) {
    // Signed in already (single sign-on): a first-party app gets its grant without asking again.
    const result = { consent: { grantId: await grantFor(provider, details, details.session.accountId) } };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
  }
  return send(res, 200, loginPage(uid));
}

function newSigningKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}
const signingKey = config.signing_key ?? newSigningKey();

const server = http.createServer();
server.listen(config.port ?? 0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: config.clients,
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount,
    loadExistingGrant,
    scopes: ['openid', 'offline_access', 'profile', 'email', 'groups'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    // The ID token carries the scopes' claims (as Keycloak's does), not only the userinfo endpoint.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    interactions: { url: (_ctx, found) => `/interaction/${found.uid}` },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    pkce: { required: () => true },
    ttl: config.ttl ?? {},
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="de"><body><h1>Fehler</h1><pre>${escapeHtml(JSON.stringify(out))}</pre></body></html>`;
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('server_error', error));
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url.startsWith('/interaction/')) {
      interaction(provider, req, res).catch((error) => {
        console.error('interaction', error);
        if (!res.headersSent) send(res, 400, escapeHtml(error.message));
      });
    } else {
      callback(req, res);
    }
  });
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => process.exit(0));
}
