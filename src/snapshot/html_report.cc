#include "snapshot/html_report.h"

#include <cstdio>

#include "snapshot/json_text.h"

namespace tenure::snapshot {
namespace {

std::string Num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// The report's data as one JSON object (embedded in a script element; '<' is escaped).
std::string DataJson(const HtmlReportInput& in) {
  std::string out = "{\"snapshots\":[";
  for (size_t i = 0; i < in.snapshots.size(); ++i) {
    const SnapshotTotals& s = in.snapshots[i];
    out += i ? "," : "";
    out += "{\"label\":";
    AppendJsonString(s.label, &out);
    out += ",\"file\":";
    AppendJsonString(s.file, &out);
    out += ",\"nodes\":" + std::to_string(s.node_count) + ",\"bytes\":" + std::to_string(s.total_self_size) + "}";
  }
  out += "],\"leaks\":[";
  for (size_t i = 0; i < in.leaks.groups.size(); ++i) {
    const LeakGroup& g = in.leaks.groups[i];
    out += i ? "," : "";
    out += "{\"cls\":";
    AppendJsonString(g.class_name, &out);
    out += ",\"count\":" + std::to_string(g.count) + ",\"retained\":" + std::to_string(g.retained_size) + ",\"path\":";
    AppendJsonString(g.path, &out);
    out += ",\"holds\":";
    AppendJsonString(g.holds, &out);
    out += "}";
  }
  out += "],\"newObjects\":" + std::to_string(in.leaks.new_objects) + ",\"timeline\":[";
  for (size_t i = 0; i < in.timeline.size(); ++i) {
    const TimelineSample& t = in.timeline[i];
    out += i ? "," : "";
    out += "[" + Num(t.t_ms) + "," + Num(t.heap_used) + "," + Num(t.heap_total) + "," + Num(t.rss) + "," +
           Num(t.external) + ",";
    if (t.gc_type.empty()) {
      out += "null,0]";
    } else {
      AppendJsonString(t.gc_type, &out);
      out += "," + Num(t.gc_pause_ms) + "]";
    }
  }
  return out + "]}";
}

constexpr const char* kHead = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>tenure heap report</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}code{font-size:12px;word-break:break-word}
svg{background:#fafafa;border:1px solid #ddd}.legend span{margin-right:14px}.muted{color:#777}
</style></head>
<body data-rendered="no">
<h1>tenure heap report</h1>
<h2>Heap growth across snapshots</h2><div id="growth"></div>
<h2>Leak groups</h2><p class="muted" id="leak-note"></p><div id="leaks"></div>
<h2>Timeline</h2><div id="timeline"></div>
<script id="report-data" type="application/json">)";

constexpr const char* kScript = R"(</script>
<script>
(function(){
const data = JSON.parse(document.getElementById('report-data').textContent);
const NS = 'http://www.w3.org/2000/svg';
function el(tag, attrs, text){const e=document.createElementNS(NS,tag);for(const k in attrs)e.setAttribute(k,attrs[k]);if(text!==undefined)e.textContent=text;return e;}
function h(tag, text, cls){const e=document.createElement(tag);if(text!==undefined)e.textContent=text;if(cls)e.className=cls;return e;}
function bytes(b){const u=['B','KB','MB','GB','TB'];let i=0;while(b>=1024&&i<4){b/=1024;i++;}return (i?b.toFixed(1):b)+' '+u[i];}
// Growth: one bar per snapshot (sum of shallow sizes).
(function(){
  const W=600,H=220,pad=50,snaps=data.snapshots;const max=Math.max(1,...snaps.map(s=>s.bytes));
  const svg=el('svg',{id:'growth-chart',width:W,height:H,viewBox:`0 0 ${W} ${H}`});
  const bw=(W-2*pad)/Math.max(1,snaps.length)*0.6;
  snaps.forEach((s,i)=>{const x=pad+i*(W-2*pad)/snaps.length+bw*0.3;const bh=(H-2*pad)*s.bytes/max;
    svg.appendChild(el('rect',{x,y:H-pad-bh,width:bw,height:bh,fill:'#4a7bd0',class:'bar'}));
    svg.appendChild(el('text',{x:x+bw/2,y:H-pad+16,'text-anchor':'middle','font-size':12},s.label));
    svg.appendChild(el('text',{x:x+bw/2,y:H-pad-bh-4,'text-anchor':'middle','font-size':11},bytes(s.bytes)+' / '+s.nodes+' nodes'));});
  document.getElementById('growth').appendChild(svg);
})();
// Leak table.
(function(){
  document.getElementById('leak-note').textContent=data.newObjects+' objects allocated between baseline and target are still alive in final.';
  const t=h('table');t.id='leak-table';const head=h('tr');
  ['#','class','count','retained','retainer path'].forEach((c,i)=>{const th=h('th',c);if(i==2||i==3)th.className='n';head.appendChild(th);});
  t.appendChild(head);
  data.leaks.forEach((g,i)=>{const tr=h('tr');tr.className='leak-row';tr.appendChild(h('td',String(i+1)));tr.appendChild(h('td',g.cls));
    tr.appendChild(h('td',String(g.count),'n'));tr.appendChild(h('td',bytes(g.retained),'n'));const td=h('td');td.appendChild(h('code',g.path));if(g.holds){td.appendChild(h('div','holds: '+g.holds,'muted'));}tr.appendChild(td);t.appendChild(tr);});
  if(!data.leaks.length){const tr=h('tr');const td=h('td','no leak groups');td.colSpan=5;tr.appendChild(td);t.appendChild(tr);}
  document.getElementById('leaks').appendChild(t);
})();
// Timeline: four series over time, GC pauses as vertical marks.
(function(){
  const box=document.getElementById('timeline');const tl=data.timeline;
  if(!tl.length){box.appendChild(h('p','no timeline given (--timeline FILE.ndjson)','muted'));return;}
  const W=900,H=300,L=70,R=20,T=20,B=40;const t0=tl[0][0],t1=Math.max(t0+1e-9,tl[tl.length-1][0]);
  const max=Math.max(1,...tl.map(s=>Math.max(s[1],s[2],s[3],s[4])));
  const X=t=>L+(W-L-R)*(t-t0)/(t1-t0),Y=v=>H-B-(H-T-B)*v/max;
  const svg=el('svg',{id:'timeline-chart',width:W,height:H,viewBox:`0 0 ${W} ${H}`});
  svg.appendChild(el('line',{x1:L,y1:H-B,x2:W-R,y2:H-B,stroke:'#999'}));svg.appendChild(el('line',{x1:L,y1:T,x2:L,y2:H-B,stroke:'#999'}));
  for(let i=0;i<=4;i++){const v=max*i/4;svg.appendChild(el('text',{x:L-6,y:Y(v)+4,'text-anchor':'end','font-size':10},bytes(v)));}
  svg.appendChild(el('text',{x:W-R,y:H-8,'text-anchor':'end','font-size':10},(t1-t0).toFixed(1)+' ms'));
  tl.forEach(s=>{if(s[5]){const x=X(s[0]);svg.appendChild(el('line',{x1:x,y1:T,x2:x,y2:H-B,stroke:s[5]==='mark-compact'?'#d33':'#e9a',
    'stroke-width':Math.max(1,Math.min(6,s[6])),class:'gc-mark','data-type':s[5]},undefined));}});
  const series=[['heapUsed',1,'#2a6'],['heapTotal',2,'#46c'],['rss',3,'#c72'],['external',4,'#888']];
  const legend=h('div',undefined,'legend');
  series.forEach(([name,idx,color])=>{const pts=tl.map(s=>X(s[0]).toFixed(1)+','+Y(s[idx]).toFixed(1)).join(' ');
    svg.appendChild(el('polyline',{points:pts,fill:'none',stroke:color,'stroke-width':1.5,class:'series','data-series':name}));
    const sp=h('span','\u25a0 '+name);sp.style.color=color;legend.appendChild(sp);});
  const gcs=tl.filter(s=>s[5]);const sp=h('span','| GC pauses: '+gcs.length+' (red = mark-compact)');legend.appendChild(sp);
  box.appendChild(svg);box.appendChild(legend);
})();
document.body.setAttribute('data-rendered','yes');
})();
</script>
</body></html>
)";

}  // namespace

std::string RenderHtmlReport(const HtmlReportInput& input) {
  return std::string(kHead) + DataJson(input) + kScript;
}

}  // namespace tenure::snapshot
