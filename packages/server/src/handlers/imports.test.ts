import { beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { openEventStream } from '../test-support/event-stream-reader.js';
import { IDS, TEST_KEYS } from '../test-support/fixtures.js';
import { importCsv, postCsv, settledImport } from '../test-support/imports.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

describeOnBothDatabases('CSV imports over HTTP', (handle) => {
  let server: TestServer;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await handle.db().query<{ n: string }>(sql, params))[0]?.n);
  const accountCount = () => count('select count(*) as n from accounts');

  beforeAll(async () => {
    server = await startTestServer(handle.db(), {
      eventStream: { pollMs: 20, heartbeatMs: 1_000 },
    });
  });

  describe('accounts', () => {
    it('answers 202 with the job, then imports every row and the accounts exist', async () => {
      const csv = [
        'name,domain,parentId,country,region,vendorDirect',
        'Hooli Inc.,hooli.com,,us,NA,false',
        'Hooli Deutschland GmbH,hooli.de,,DE,EMEA,',
        `Globex Vienna,,${IDS.globexDe},AT,EMEA,yes`,
      ].join('\n');
      const posted = await postCsv(server, 'vendor', 'type=accounts', csv);
      expect(posted.status).toBe(202);
      expect(posted.body).toMatchObject({
        id: expect.stringMatching(/^imp_/),
        type: 'accounts',
        status: 'validating',
        dryRun: false,
        rowsProcessed: 0,
      });
      const job = await settledImport(server, posted.body.id);
      expect(job).toMatchObject({
        status: 'completed',
        rowsProcessed: 3,
        rowsFailed: 0,
        rowsCommitted: 3,
        errors: [],
        completedAt: expect.any(String),
      });
      expect(job.errorReportUrl).toBeUndefined();
      const found = await server.call('vendor', 'GET', '/v1/accounts?query=hooli.com');
      expect(found.body.data).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'Hooli Inc.', country: 'US', vendorDirect: false }),
        ]),
      );
      const vienna = await server.call('vendor', 'GET', '/v1/accounts?query=Globex%20Vienna');
      const id = vienna.body.data[0].id as string;
      const detail = await server.call('vendor', 'GET', `/v1/accounts/${id}`);
      expect(detail.body).toMatchObject({ parentId: IDS.globexDe, vendorDirect: true });
      expect(detail.body.ancestors.map((a: { id: string }) => a.id)).toEqual([
        IDS.globex,
        IDS.globexDe,
      ]);
    });

    it('reports each bad row by row, column and message, and commits none of the file', async () => {
      const before = await accountCount();
      const csv = [
        'name,domain,parentId,country,region,vendorDirect',
        'Good Row Ltd,goodrow.com,,GB,EMEA,false',
        ',bad domain,,GBR,EMEA,maybe',
        'Unknown Parent,,acc_nope,DE,EMEA,',
        'Initech,,,US,NA,',
        'Good Row Limited,,,GB,EMEA,',
        'Too,Few,Cells',
        'Another Good One,another.com,,FR,EMEA,',
      ].join('\r\n');
      const job = await importCsv(server, 'type=accounts', csv);
      expect(job).toMatchObject({
        status: 'failed',
        rowsProcessed: 7,
        rowsFailed: 5,
        rowsCommitted: 0,
        errorReportUrl: `/v1/imports/${job.id}?format=csv`,
      });
      expect(job.errors).toEqual([
        { row: 3, column: 'name', message: 'Required' },
        { row: 3, column: 'vendorDirect', message: 'Use true or false' },
        { row: 3, column: 'domain', message: 'Use a domain such as acme.com' },
        { row: 3, column: 'country', message: 'Use an ISO 3166-1 alpha-2 code' },
        { row: 4, column: 'parentId', message: 'Unknown account acc_nope' },
        {
          row: 5,
          column: 'name',
          message: `"Initech, Inc." (${IDS.initech}) already exists with the same name`,
        },
        { row: 6, column: 'name', message: 'Same name as row 2' },
        { row: 7, column: null, message: 'Expected 6 cells as in the header, found 3' },
      ]);
      expect(await accountCount()).toBe(before);
    });

    it('validates a dry run fully and writes nothing', async () => {
      const before = await accountCount();
      const job = await importCsv(
        server,
        'type=accounts&dryRun=true',
        'name,country,region\nDry Run Corp,US,NA\nDry Run Two,US,NA\n',
      );
      expect(job).toMatchObject({
        status: 'completed',
        dryRun: true,
        rowsProcessed: 2,
        rowsCommitted: 0,
      });
      expect(await accountCount()).toBe(before);
      const failing = await importCsv(
        server,
        'type=accounts&dryRun=true',
        'name,country,region\nX,USA,NA',
      );
      expect(failing).toMatchObject({ status: 'failed', dryRun: true, rowsFailed: 1 });
    });

    it('refuses a header with unknown, repeated or missing columns before reading rows', async () => {
      const job = await importCsv(server, 'type=accounts', 'Name,name,contry,region\nA,B,DE,EMEA');
      expect(job.status).toBe('failed');
      expect(job.rowsProcessed).toBe(0);
      expect(job.errors).toEqual([
        {
          row: 1,
          column: 'contry',
          message: expect.stringContaining('Unknown column for accounts'),
        },
        { row: 1, column: 'name', message: 'Column given twice' },
        { row: 1, column: 'country', message: 'Required column missing' },
      ]);
    });

    it('stops at a malformed line and says where', async () => {
      const job = await importCsv(
        server,
        'type=accounts',
        'name,country,region\nFine,DE,EMEA\n"Unclosed,DE,EMEA\n',
      );
      expect(job.status).toBe('failed');
      expect(job.errors).toEqual([
        { row: 3, column: null, message: expect.stringContaining('The file is not valid CSV') },
      ]);
    });
  });

  describe('partners with skills', () => {
    it('creates new partners and replaces the skills of existing ones', async () => {
      const csv = [
        'id,name,segment,region,countries,skills,certifications',
        'ptr_fabrikam,Fabrikam,msp,EMEA,de;at,cloud-migration:expert;security:practitioner,AWS Solutions Architect@2027-06-30',
        `${IDS.partner1},Northwind Systems,reseller,EMEA,DE,data-platform:foundation,`,
      ].join('\n');
      const job = await importCsv(server, 'type=partners', csv);
      expect(job).toMatchObject({ status: 'completed', rowsCommitted: 2 });
      const fabrikam = await server.call('vendor', 'GET', '/v1/partners/ptr_fabrikam');
      expect(fabrikam.body).toMatchObject({
        name: 'Fabrikam',
        segment: 'msp',
        countries: ['DE', 'AT'],
        skills: [
          { skill: 'cloud-migration', level: 'expert' },
          { skill: 'security', level: 'practitioner' },
        ],
        certifications: [{ name: 'AWS Solutions Architect', expiresAt: '2027-06-30T00:00:00Z' }],
        stale: false,
      });
      const north = await server.call('vendor', 'GET', `/v1/partners/${IDS.partner1}`);
      expect(north.body.skills).toEqual([{ skill: 'data-platform', level: 'foundation' }]);
    });

    it('reports bad skills, levels and repeated ids', async () => {
      const csv = [
        'id,name,segment,region,skills',
        'ptr_a,A,msp,EMEA,cloud:expert',
        'ptr_b,B,msp,EMEA,x:expert;x:foundation',
        'ptr_a,A again,msp,EMEA,',
        'ptr_c,C,msp,EMEA,cloud:guru',
        'ptr_d,D,msp,EMEA,Cloud Stuff:expert',
      ].join('\n');
      const job = await importCsv(server, 'type=partners', csv);
      expect(job.status).toBe('failed');
      expect(job.errors).toEqual([
        { row: 3, column: 'skills', message: 'x is listed twice' },
        { row: 4, column: 'id', message: 'Same id as row 2' },
        { row: 5, column: 'skills', message: expect.stringContaining('(0.level)') },
        {
          row: 6,
          column: 'skills',
          message: 'Use a taxonomy key such as cloud-migration (0.skill)',
        },
      ]);
      expect((await server.call('vendor', 'GET', '/v1/partners/ptr_a')).status).toBe(404);
    });
  });

  describe('metrics', () => {
    it('records actuals per partner, and refuses unknown partners and accounts', async () => {
      const countMetrics = () => count('select count(*) as n from metrics');
      const before = await countMetrics();
      const good = await importCsv(
        server,
        'type=metrics',
        [
          'partnerId,metric,value,on,accountId,source',
          `${IDS.partner1},revenue,"1,250.50",2026-10-31,${IDS.globexDe},erp`,
          `${IDS.partner2},pipeline,9000,2026-10-31,,`,
        ].join('\n'),
      );
      expect(good).toMatchObject({ status: 'completed', rowsCommitted: 2 });
      expect(await countMetrics()).toBe(before + 2);
      const stored = await handle
        .db()
        .query<{ value: string }>('select value::text from metrics where partner_id = $1', [
          IDS.partner1,
        ]);
      expect(stored.map((row) => Number(row.value))).toContain(1250.5);

      const bad = await importCsv(
        server,
        'type=metrics',
        [
          'partnerId,metric,value,on,accountId',
          `ptr_ghost,revenue,10,2026-10-31,`,
          `${IDS.partner1},profit,ten,2026-13-01,acc_ghost`,
          `${IDS.partner1},revenue,10,2026-10-31,acc_ghost`,
        ].join('\n'),
      );
      expect(bad.status).toBe('failed');
      expect(bad.errors).toEqual([
        { row: 2, column: 'partnerId', message: 'Unknown partner ptr_ghost' },
        { row: 3, column: 'value', message: 'Use a number such as 1250.50' },
        { row: 3, column: 'metric', message: expect.any(String) },
        { row: 3, column: 'on', message: expect.any(String) },
        { row: 4, column: 'accountId', message: 'Unknown account acc_ghost' },
      ]);
      expect(await countMetrics()).toBe(before + 2);
    });
  });

  describe('events, report and access', () => {
    it('writes import events to the outbox, which the event stream delivers', async () => {
      const stream = await openEventStream(server, 'vendor', {
        types: 'import.progress,import.completed,import.failed',
      });
      const done = await importCsv(
        server,
        'type=accounts',
        'name,country,region\nStream Co,DE,EMEA',
      );
      const failed = await importCsv(server, 'type=accounts', 'name,country,region\n,DE,EMEA');
      const events = await stream.until(3);
      stream.close();
      expect(events.map((e) => [e.type, e.subject.id, e.data.status])).toEqual([
        ['import.progress', done.id, 'committing'],
        ['import.completed', done.id, 'completed'],
        ['import.failed', failed.id, 'failed'],
      ]);
      expect(events[1]).toMatchObject({
        partnerId: null,
        subject: { type: 'import' },
        data: { type: 'accounts', rowsCommitted: 1, rowsProcessed: 1 },
      });
      // Vendor-only: partner users' streams never carry them.
      expect(
        await count(
          "select count(*) as n from events where type like 'import.%' and partner_id is not null",
        ),
      ).toBe(0);
    });

    it('offers the error report as CSV with formulas neutralised', async () => {
      const job = await importCsv(
        server,
        'type=accounts',
        'name,country,region,"=HYPERLINK(""http://evil.example"")",@SUM(A1)\nA,DE,EMEA,x,y',
      );
      const response = await server.app.request(`/v1/imports/${job.id}?format=csv`, {
        headers: { authorization: `Bearer ${TEST_KEYS.vendor}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('x-request-id')).toMatch(/\S/);
      const lines = (await response.text()).trimEnd().split('\r\n');
      expect(lines[0]).toBe('row,column,message');
      expect(lines[1]).toMatch(/^1,"'=HYPERLINK\(""http:\/\/evil\.example""\)","Unknown column/);
      expect(lines[2]).toMatch(/^1,'@SUM\(A1\),"Unknown column/);
    });

    it('takes files above the 1 MiB limit of JSON bodies', async () => {
      // Two rows padded with blanks (trimmed away) make a 1.6 MiB file.
      const padded = (name: string) => `${name}${' '.repeat(800_000)},DE,EMEA`;
      const csv = ['name,country,region', padded('Big File One'), padded('Big File Two')].join(
        '\n',
      );
      expect(csv.length).toBeGreaterThan(1.5 * 1024 * 1024);
      const job = await importCsv(server, 'type=accounts&dryRun=true', csv);
      expect(job).toMatchObject({ status: 'completed', rowsProcessed: 2 });
      const json = await server.call('vendor', 'POST', '/v1/accounts', {
        name: 'x'.repeat(1.5 * 1024 * 1024),
      });
      expect(json.status).toBe(413);
    });

    it('is for vendor admins, takes text/csv only and answers 404 for an unknown import', async () => {
      const csv = 'name,country,region\nA,DE,EMEA';
      expect((await postCsv(server, 'partner1', 'type=accounts', csv)).status).toBe(403);
      expect((await postCsv(server, 'manager', 'type=accounts', csv)).status).toBe(403);
      const json = await postCsv(server, 'vendor', 'type=accounts', csv, 'application/json');
      expect(json).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
      const latin = await postCsv(
        server,
        'vendor',
        'type=accounts',
        csv,
        'text/csv; charset=latin1',
      );
      expect(latin.status).toBe(400);
      expect((await postCsv(server, 'vendor', 'type=accounts', '  \n')).status).toBe(400);
      const type = await postCsv(server, 'vendor', 'type=orders', csv);
      expect(type.body.errors).toEqual([{ path: 'query.type', message: expect.any(String) }]);
      expect((await server.call('vendor', 'GET', '/v1/imports/imp_nope')).status).toBe(404);
      expect((await server.call('partner1', 'GET', '/v1/imports/imp_nope')).status).toBe(403);
    });
  });
});
