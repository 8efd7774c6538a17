// Date with TZ=America/New_York (EST/EDT): local-time getters, setters, parsing and toString.
// env: TZ=America/New_York
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.constructor.name + ': ' + e.message); } };
const d = new Date(Date.UTC(2026, 10, 26, 4, 0, 0));
console.log(d);
console.log([d], { when: d });
console.log(d.getTime(), d.valueOf(), +d, typeof Date.now(), Date.now() > 1.7e12);
console.log(d.toISOString(), d.toJSON(), JSON.stringify({ d }));
console.log(d.toString());
console.log(d.toDateString(), '|', d.toTimeString());
console.log(d.toUTCString());
console.log(String(d) === d.toString(), `${d}` === d.toString());
console.log(d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
console.log(d.getTimezoneOffset());
// Summer time in the northern hemisphere.
const summer = new Date(Date.UTC(2026, 6, 4, 16, 30, 15, 250));
console.log(summer.toString(), summer.getHours(), summer.getTimezoneOffset());
// Components are local time; month overflow and years 0..99.
const local = new Date(2026, 0, 31, 23, 59, 59, 999);
console.log(local.toISOString(), local.getDate(), local.getHours());
console.log(new Date(2026, 13, 1).toISOString(), new Date(99, 0).getFullYear(), new Date(2026, 1, 29).getDate());
console.log(new Date(2024, 1, 29).getMonth(), new Date(0).toISOString(), new Date(-1).toISOString());
console.log(Date.UTC(2026), Date.UTC(2026, 1), Date.UTC(1970, 0, 1, 0, 0, 0, 1), Date.UTC());
// Parsing: ISO forms (date-only = UTC, date-time = local), and node's other common forms.
const forms = [
  '2026-11-26', '2026-11', '2026', '2026-11-26T04:00:00Z', '2026-11-26T04:00:00.123Z',
  '2026-11-26T04:00:00', '2026-11-26T04:00', '2026-11-26T04:00:00+05:30', '2026-11-26T04:00:00.5-03:00',
  '+002026-11-26T00:00:00Z', '-000001-01-01T00:00:00Z', '2026-11-26 10:30',
  'Thu Nov 26 2026 04:00:00 GMT+0000 (Coordinated Universal Time)', 'Thu, 26 Nov 2026 04:00:00 GMT',
  'November 26, 2026', 'Nov 26, 2026 10:30:00', '26 Nov 2026', '11/26/2026', '2026/11/26',
  'Nov 26 2026 10:30 PM', 'Thu Nov 26 2026', '2026-11-26T04:00:00.000+0100',
  'not a date', '', '2026-13-01', '2026-02-30', '2026-11-26T25:00', 'Foo 26 2026',
];
for (const s of forms) console.log(JSON.stringify(s), Date.parse(s), new Date(s).getTime());
// Setters return the new time value; local and UTC forms.
const s = new Date(Date.UTC(2020, 0, 15, 12, 0, 0));
console.log(s.setFullYear(2021), s.toISOString());
console.log(s.setMonth(5, 30), s.toISOString());
console.log(s.setDate(0), s.toISOString());
console.log(s.setHours(25, 61, 61, 1001), s.toISOString());
console.log(s.setMinutes(-1), s.setSeconds(90), s.setMilliseconds(-1), s.toISOString());
console.log(s.setUTCFullYear(2000, 1, 29), s.setUTCMonth(0), s.setUTCDate(31), s.toISOString());
console.log(s.setUTCHours(0, 0, 0, 0), s.setUTCMinutes(30), s.setUTCSeconds(30), s.setUTCMilliseconds(5), s.toISOString());
console.log(s.setTime(86400000), s.toISOString(), s.setTime('x'), s.getTime());
// Invalid dates.
const bad = new Date('garbage');
console.log(bad, String(bad), bad.getTime(), bad.getFullYear(), bad.toDateString(), bad.toJSON());
t(() => bad.toISOString());
console.log(new Date(NaN).getTime(), new Date(8.64e15).toISOString(), new Date(8.64e15 + 1).getTime());
console.log(bad.setFullYear(2020), bad.toISOString());
console.log(bad.setMonth(1), new Date(NaN).setHours(1));
// Copies, date arithmetic, comparisons, Date() without new.
const copy = new Date(d);
console.log(copy.getTime() === d.getTime(), copy !== d, d - new Date(Date.UTC(2026, 10, 25)), d > summer);
console.log(typeof Date(), Date().length > 20, new Date(d.toString()).getTime() === d.getTime());
console.log(new Date(d.toUTCString()).getTime() === d.getTime(), new Date(d.toISOString()).getTime() === d.getTime());
console.log(Object.prototype.toString.call(d), d instanceof Date, typeof d, Date.length, Date.name);
t(() => Date.prototype.getTime.call({}));
t(() => Date.prototype.toISOString.call(1));
// Subclassing, and dates surviving GCs (the time value lives in the object).
class Stamp extends Date { label() { return 'stamp ' + this.toISOString(); } }
console.log(new Stamp(0).label(), new Stamp(0) instanceof Date);
const dates = [];
for (let i = 0; i < 600; i++) { dates.push(new Date(i * 86400000)); if (i % 100 === 0) { const g = []; for (let j = 0; j < 200; j++) g.push([j]); } }
console.log(dates[599].toISOString(), dates.reduce((n, x) => n + (x.getUTCDate() === 1 ? 1 : 0), 0));
console.log(d.toLocaleDateString(), d.toLocaleTimeString(), d.toLocaleString());
// expect: 2026-11-26T04:00:00.000Z
// expect: [ 2026-11-26T04:00:00.000Z ] { when: 2026-11-26T04:00:00.000Z }
// expect: 1795665600000 1795665600000 1795665600000 number true
// expect: 2026-11-26T04:00:00.000Z 2026-11-26T04:00:00.000Z {"d":"2026-11-26T04:00:00.000Z"}
// expect: Wed Nov 25 2026 23:00:00 GMT-0500 (Eastern Standard Time)
// expect: Wed Nov 25 2026 | 23:00:00 GMT-0500 (Eastern Standard Time)
// expect: Thu, 26 Nov 2026 04:00:00 GMT
// expect: true true
// expect: 2026 10 25 3 23 0 0 0
// expect: 2026 10 26 4 4 0 0 0
// expect: 300
// expect: Sat Jul 04 2026 12:30:15 GMT-0400 (Eastern Daylight Time) 12 240
// expect: 2026-02-01T04:59:59.999Z 31 23
// expect: 2027-02-01T05:00:00.000Z 1999 1
// expect: 1 1970-01-01T00:00:00.000Z 1969-12-31T23:59:59.999Z
// expect: 1767225600000 1769904000000 1 NaN
// expect: "2026-11-26" 1795651200000 1795651200000
// expect: "2026-11" 1793491200000 1793491200000
// expect: "2026" 1767225600000 1767225600000
// expect: "2026-11-26T04:00:00Z" 1795665600000 1795665600000
// expect: "2026-11-26T04:00:00.123Z" 1795665600123 1795665600123
// expect: "2026-11-26T04:00:00" 1795683600000 1795683600000
// expect: "2026-11-26T04:00" 1795683600000 1795683600000
// expect: "2026-11-26T04:00:00+05:30" 1795645800000 1795645800000
// expect: "2026-11-26T04:00:00.5-03:00" 1795676400500 1795676400500
// expect: "+002026-11-26T00:00:00Z" 1795651200000 1795651200000
// expect: "-000001-01-01T00:00:00Z" -62198755200000 -62198755200000
// expect: "2026-11-26 10:30" 1795707000000 1795707000000
// expect: "Thu Nov 26 2026 04:00:00 GMT+0000 (Coordinated Universal Time)" 1795665600000 1795665600000
// expect: "Thu, 26 Nov 2026 04:00:00 GMT" 1795665600000 1795665600000
// expect: "November 26, 2026" 1795669200000 1795669200000
// expect: "Nov 26, 2026 10:30:00" 1795707000000 1795707000000
// expect: "26 Nov 2026" 1795669200000 1795669200000
// expect: "11/26/2026" 1795669200000 1795669200000
// expect: "2026/11/26" 1795669200000 1795669200000
// expect: "Nov 26 2026 10:30 PM" 1795750200000 1795750200000
// expect: "Thu Nov 26 2026" 1795669200000 1795669200000
// expect: "2026-11-26T04:00:00.000+0100" 1795662000000 1795662000000
// expect: "not a date" NaN NaN
// expect: "" NaN NaN
// expect: "2026-13-01" NaN NaN
// expect: "2026-02-30" 1772409600000 1772409600000
// expect: "2026-11-26T25:00" NaN NaN
// expect: "Foo 26 2026" NaN NaN
// expect: 1610712000000 2021-01-15T12:00:00.000Z
// expect: 1625050800000 2021-06-30T11:00:00.000Z
// expect: 1622458800000 2021-05-31T11:00:00.000Z
// expect: 1622527322001 2021-06-01T06:02:02.001Z
// expect: 1622527142001 1622527230001 1622527229999 2021-06-01T06:00:29.999Z
// expect: 951804029999 949125629999 949298429999 2000-01-31T06:00:29.999Z
// expect: 949276800000 949278600000 949278630000 949278630005 2000-01-31T00:30:30.005Z
// expect: 86400000 1970-01-02T00:00:00.000Z NaN NaN
// expect: Invalid Date Invalid Date NaN NaN Invalid Date null
// expect: RangeError: Invalid time value
// expect: NaN +275760-09-13T00:00:00.000Z NaN
// expect: 1577854800000 2020-01-01T05:00:00.000Z
// expect: 1580533200000 NaN
// expect: true true 100800000 true
// expect: string true true
// expect: true true
// expect: [object Date] true object 7 Date
// expect: TypeError: this is not a Date object.
// expect: TypeError: Method Date.prototype.toISOString called on incompatible receiver 1
// expect: stamp 1970-01-01T00:00:00.000Z true
// expect: 1971-08-23T00:00:00.000Z 20
// expect: 11/25/2026 11:00:00 PM 11/25/2026, 11:00:00 PM
