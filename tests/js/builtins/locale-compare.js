// String.prototype.localeCompare orders like node's ICU root collation for Latin-1 text: case
// and accents are secondary to the letters, punctuation < digits < letters, æ/ß expand, and the
// Intl.Collator options sensitivity, numeric and ignorePunctuation apply.
const sortL = (list, opts) => [...list].sort((a, b) => a.localeCompare(b, undefined, opts)).join(' ');
console.log(sortL(['b', 'a', 'C', 'B', 'c', 'A']));
console.log(sortL(['résumé', 'resume', 'Resume', 'résume', 'RESUME']));
console.log(sortL(['item10', 'item2', 'item1', 'Item3', 'item02']));
console.log(sortL(['item10', 'item2', 'item1', 'Item3', 'item02'], { numeric: true }));
console.log(sortL(['a-b', 'ab', 'a b', 'a_b', 'a.b', 'a1', 'aB', 'a!']));
console.log(sortL(['zebra', 'Äpfel', 'apple', 'Zoo', 'éclair', 'eclair', 'Eclair', 'ñu', 'nu', 'ox', 'øl']));
console.log(sortL(['straße', 'strasse', 'Strasse', 'stras', 'strat']), '|', sortL(['ae', 'æ', 'Æ', 'af', 'ad']));
console.log(sortL(['', ' ', '  a', 'a', '\ta', '10', '9', '1.5', '-1', '$5', '#1']));
console.log('a'.localeCompare('B'), 'a'.localeCompare('A'), 'A'.localeCompare('a'), 'a'.localeCompare('a'), 'ä'.localeCompare('a'));
console.log('a'.localeCompare('A', undefined, { sensitivity: 'base' }), 'a'.localeCompare('á', undefined, { sensitivity: 'base' }),
            'a'.localeCompare('á', undefined, { sensitivity: 'accent' }), 'a'.localeCompare('A', undefined, { sensitivity: 'accent' }),
            'a'.localeCompare('A', undefined, { sensitivity: 'case' }), 'a'.localeCompare('á', undefined, { sensitivity: 'case' }));
console.log('file-10'.localeCompare('file-9', undefined, { numeric: true }), '007'.localeCompare('7', undefined, { numeric: true, sensitivity: 'base' }));
console.log('a.b'.localeCompare('ab', undefined, { ignorePunctuation: true }), 'a b'.localeCompare('ab', 'en', { ignorePunctuation: true }));
try { 'a'.localeCompare('b', undefined, { sensitivity: 'loud' }); } catch (e) { console.log(e.name, e.message); }
const people = [{ n: 'émile' }, { n: 'Zoë' }, { n: 'adam' }, { n: 'Émile' }, { n: 'zack' }, { n: 'Adam' }];
console.log(people.sort((x, y) => x.n.localeCompare(y.n)).map((p) => p.n).join(','));
console.log(sortL(['½', '12', '1/2', '¼', '1', '¹', '2', 'ª', 'a', 'º', 'o', 'áe', 'æ', 'Ae', 'af']));
for (const [a, b] of [['ß', 'ss'], ['æ', 'ae'], ['Æ', 'AE'], ['¹', '1'], ['ª', 'a']]) {
  console.log(a, b, ['base', 'accent', 'case', 'variant'].map((s) => a.localeCompare(b, undefined, { sensitivity: s })).join(' '));
}
// 2 400 comparisons of pseudo-random Latin-1 words in every mode, printed as one line per mode.
const alphabet = 'aAbBeEéÉèsSßæÆoøØ0129 -_.,!zZñÑüÜ';
let seed = 7;
const rnd = (n) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
const words = [];
for (let i = 0; i < 600; i++) {
  let w = '';
  for (let j = 1 + rnd(6); j > 0; j--) w += alphabet[rnd(alphabet.length)];
  words.push(w);
}
for (const sensitivity of ['variant', 'base', 'accent', 'case']) {
  let line = '';
  for (let i = 0; i + 1 < words.length; i += 2) {
    line += '=<>'[words[i].localeCompare(words[i + 1], undefined, { sensitivity, numeric: i % 4 === 0 }) + 1];
  }
  console.log(sensitivity, line);
}

// expect: a A b B c C
// expect: resume Resume RESUME résume résumé
// expect: item02 item1 item10 item2 Item3
// expect: item1 item2 item02 Item3 item10
// expect: a b a_b a-b a! a.b a1 ab aB
// expect: Äpfel apple eclair Eclair éclair nu ñu øl ox zebra Zoo
// expect: stras strasse Strasse straße strat | ad ae æ Æ af
// expect:  	a     a -1 #1 $5 1.5 10 9 a
// expect: -1 -1 1 0 1
// expect: 0 0 -1 0 -1 0
// expect: 1 0
// expect: 0 0
// expect: RangeError Value loud out of range for String.prototype.localeCompare options property sensitivity
// expect: adam,Adam,émile,Émile,zack,Zoë
// expect: 1 ¹ 1/2 ½ ¼ 12 2 a ª Ae áe æ af o º
// expect: ß ss 0 1 0 1
// expect: æ ae 0 1 0 1
// expect: Æ AE 0 1 0 1
// expect: ¹ 1 0 0 0 1
// expect: ª a 0 0 0 1
// expect: variant =>==>><=>==>>>=>>>=>=>>>=>=>=>=>>=>=>==>>>=>>>=>==>=>>=>=>>==>======>>==>=>=>>>===>=>>===>>==<===>>>>>>>>=====>==>>==>>===>>>>>=>>>=>=>==>>>==>=>=>>>>=>>>>======>>>====>>>=>>===>>==>====>>>>>>>==>=>=>>=>=>>>>==>==>>=>==>==>>>>=>====>=>==>>==>>>==>>==>>>=>======>===>=>==>>>===>===>>==>>>>>>>===>===>=
// expect: base =>=<>><=>==>>>=>>>=>=>>>=>=>=>=>>=>=>==>>>=>>>=>==>=>>=>=>>==>======>>==>=>=>>>===>=>>===>>==<===>>>>>>>>=====>==>>==>>===><>>>=>>>=>=>==>>>==>=>=>>>>=>>>>======>>>====>>>=>>===>>==>====>>>>>>>==>=>=>>=>=>>>>==>==>>=>==>==>>>>=>====>=>==>>==>>>==>>==>>>=>======>===>=>==>>>===>===>>==>>>>>>>===<===>=
// expect: accent =>=<>><=>==>>>=>>>=>=>>>=>=>=>=>>=>=>==>>>=>>>=>==>=>>=>=>>==>======>>==>=>=>>>===>=>>===>>==<===>>>>>>>>=====>==>>==>>===><>>>=>>>=>=>==>>>==>=>=>>>>=>>>>======>>>====>>>=>>===>>==>====>>>>>>>==>=>=>>=>=>>>>==>==>>=>==>==>>>>=>====>=>==>>==>>>==>>==>>>=>======>===>=>==>>>===>===>>==>>>>>>>===>===>=
// expect: case =>==>><=>==>>>=>>>=>=>>>=>=>=>=>>=>=>==>>>=>>>=>==>=>>=>=>>==>======>>==>=>=>>>===>=>>===>>==<===>>>>>>>>=====>==>>==>>===>>>>>=>>>=>=>==>>>==>=>=>>>>=>>>>======>>>====>>>=>>===>>==>====>>>>>>>==>=>=>>=>=>>>>==>==>>=>==>==>>>>=>====>=>==>>==>>>==>>==>>>=>======>===>=>==>>>===>===>>==>>>>>>>=======>=
