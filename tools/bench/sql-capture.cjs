// Preloaded into the API by tools/bench/side-by-side.mjs (`node --require`): records the SQL a
// request runs, so the benchmark can replay exactly those statements straight on PostgreSQL.
// Driven over IPC: 'capture:start' clears the record, 'capture:stop' sends it back.
const pg = require('pg');

const original = pg.Client.prototype.query;
let captured = null;

pg.Client.prototype.query = function query(config, values, callback) {
  if (captured) {
    const text = typeof config === 'string' ? config : config && config.text;
    const params = config && typeof config === 'object' && config.values ? config.values : values;
    if (text) captured.push({ text, values: Array.isArray(params) ? params : [] });
  }
  return original.apply(this, arguments);
};

process.on('message', (message) => {
  if (message === 'capture:start') {
    captured = [];
    process.send('capture:started');
  }
  if (message === 'capture:stop') {
    const record = captured ?? [];
    captured = null;
    process.send({ captured: record });
  }
});
