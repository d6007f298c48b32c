// Fixture and probes for ops/bench/commands.sh, all through the public API (node, no dependencies).
//   setup DIR BASE AGENCIES CLIENTS HISTORY   sign up AGENCIES agencies with CLIENTS clients each, plus one agency
//                                            with 3 × HISTORY clients for the history groups → DIR/fixture.json
//   tokens DIR BASE                           sign every agency in again → DIR/all.txt, new.txt, h600.txt, h10k.txt
//   cold DIR URL                              the first command on each history client after a restart, one at a
//                                            time, groups interleaved → "new p50 h600 p50 h10k p50" in ms
//   ryw DIR BASE POSITION                     ms until a query with X-Min-Position: POSITION answers 200
import { readFileSync, writeFileSync } from 'node:fs';

const [cmd, dir, base, ...rest] = process.argv.slice(2);
const json = { 'Content-Type': 'application/json' };
const password = 'benchmark passphrase 2026';

async function call(method, url, body, token, extra = {}) {
  const headers = { ...json, ...extra };
  if (token) headers.Authorization = 'Bearer ' + token;
  const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${url} answered ${r.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function signUp(name) {
  const email = `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@bench.test`;
  const s = await call('POST', base + '/api/auth/signup', { agencyName: name, name: 'Bench ' + name, email, password });
  return { email, agencyId: s.agencyId, token: s.accessToken, clients: [] };
}

async function createClients(agency, n, prefix) {
  const ids = [];
  for (let i = 0; i < n; i++) {
    ids.push((await call('POST', base + '/api/clients', { name: `${prefix} ${i}`, industry: 'Retail' }, agency.token)).id);
  }
  return ids;
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const commands = {
  async setup([agencies, clients, history]) {
    const fixture = { agencies: [], history: null };
    for (let a = 0; a < Number(agencies); a++) {
      const agency = await signUp(`bench-agency-${a}`);
      agency.clients = await createClients(agency, Number(clients), `Agency ${a} client`);
      fixture.agencies.push(agency);
    }
    const h = await signUp('bench-history');
    h.groups = {
      new: await createClients(h, Number(history), 'New client'),
      h600: await createClients(h, Number(history), 'Client with 600 events'),
      h10k: await createClients(h, Number(history), 'Client with 10,000 events'),
    };
    fixture.history = h;
    writeFileSync(`${dir}/fixture.json`, JSON.stringify(fixture, null, 1));
  },

  async tokens() {
    const fixture = JSON.parse(readFileSync(`${dir}/fixture.json`));
    const login = async a => (await call('POST', base + '/api/auth/login', { email: a.email, password })).accessToken;
    const lines = [];
    for (const a of fixture.agencies) {
      const token = await login(a);
      a.clients.forEach(id => lines.push(`${token} ${id}`));
    }
    writeFileSync(`${dir}/all.txt`, lines.join('\n') + '\n');
    const h = fixture.history;
    const token = await login(h);
    for (const [group, ids] of Object.entries(h.groups)) {
      writeFileSync(`${dir}/${group}.txt`, ids.map(id => `${token} ${id}`).join('\n') + '\n');
    }
  },

  async cold() {
    const groups = ['new', 'h600', 'h10k'];
    const lines = Object.fromEntries(groups.map(g => [g, readFileSync(`${dir}/${g}.txt`, 'utf8').trim().split('\n')]));
    const times = Object.fromEntries(groups.map(g => [g, []]));
    for (let i = 0; i < lines.new.length; i++) {
      for (const g of groups) {
        const [token, id] = lines[g][i].split(' ');
        const started = performance.now();
        await call('PATCH', `${base}/api/clients/${id}`, { notes: `cold ${g} ${i} ${Date.now()}` }, token);
        times[g].push(performance.now() - started);
      }
    }
    console.log(groups.map(g => median(times[g]).toFixed(1)).join(' '));
  },

  async ryw([position]) {
    const lines = readFileSync(`${dir}/all.txt`, 'utf8').trim().split('\n');
    const [token, id] = lines[0].split(' ');
    const started = performance.now();
    await call('GET', `${base}/api/clients/${id}`, undefined, token, { 'X-Min-Position': String(position) });
    console.log((performance.now() - started).toFixed(1));
  },
};

commands[cmd](rest).catch(e => { console.error(e.message); process.exit(1); });
