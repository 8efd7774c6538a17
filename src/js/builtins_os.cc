// The `os` module (require('os') / require('node:os')): the host facts node 20's os module
// reports, read from the same Linux sources libuv reads (src/unix/linux.c): sysinfo(2) for
// total memory, uptime and load averages, /proc/meminfo MemAvailable for free memory,
// /proc/cpuinfo, /proc/stat and cpufreq for cpus(), /proc/uptime, uname(2) for type/release/arch, gethostname(2).
// Each function reads the host when called (nothing is cached). The module is a plain object of
// native functions, so it holds no heap state beyond its properties.
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "builtins.h"

namespace tenure::js {

namespace {

// A /proc/meminfo field in bytes (the file gives kB), or -1 when absent.
double MeminfoBytes(const std::string& field) {
  std::ifstream in("/proc/meminfo");
  std::string name;
  double kb = 0;
  std::string unit;
  while (in >> name >> kb) {
    std::getline(in, unit);
    if (name == field + ":") return kb * 1024;
  }
  return -1;
}

TENURE_NATIVE(OsTotalmem) {
  struct sysinfo info {};
  if (sysinfo(&info) != 0) return Value::FromSmi(0);
  return rt.NewNumber(static_cast<double>(info.totalram) * info.mem_unit);
}

// libuv's uv_get_free_memory: MemAvailable, else sysinfo's freeram.
TENURE_NATIVE(OsFreemem) {
  double available = MeminfoBytes("MemAvailable");
  if (available >= 0) return rt.NewNumber(available);
  struct sysinfo info {};
  if (sysinfo(&info) != 0) return Value::FromSmi(0);
  return rt.NewNumber(static_cast<double>(info.freeram) * info.mem_unit);
}

// libuv's uv_uptime: /proc/uptime's first field (seconds, 2 decimals), else sysinfo's.
TENURE_NATIVE(OsUptime) {
  std::ifstream in("/proc/uptime");
  double seconds = 0;
  if (in >> seconds) return rt.NewNumber(seconds);
  struct sysinfo info {};
  if (sysinfo(&info) != 0) return Value::FromSmi(0);
  return rt.NewNumber(static_cast<double>(info.uptime));
}

TENURE_NATIVE(OsLoadavg) {
  double loads[3] = {0, 0, 0};
  struct sysinfo info {};
  if (sysinfo(&info) == 0) {
    for (int i = 0; i < 3; ++i) loads[i] = static_cast<double>(info.loads[i]) / (1 << SI_LOAD_SHIFT);
  }
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray(3));
  for (double d : loads) {
    Handle v = Handle::New(rt.heap(), rt.NewNumber(d));
    rt.ArrayPush(out, v);
  }
  return out.value();
}

TENURE_NATIVE(OsPlatform) { return rt.NewString("linux"); }
TENURE_NATIVE(OsEndianness) { return rt.NewString("LE"); }

// process.arch's names for uname's machine (node: x64, arm64, ia32, ...).
std::string NodeArch() {
  struct utsname u {};
  uname(&u);
  std::string m = u.machine;
  if (m == "x86_64") return "x64";
  if (m == "aarch64") return "arm64";
  if (m == "i386" || m == "i686") return "ia32";
  return m;
}

TENURE_NATIVE(OsArch) { return rt.NewString(NodeArch()); }

TENURE_NATIVE(OsType) {
  struct utsname u {};
  uname(&u);
  return rt.NewString(u.sysname);
}

TENURE_NATIVE(OsRelease) {
  struct utsname u {};
  uname(&u);
  return rt.NewString(u.release);
}

TENURE_NATIVE(OsHostname) {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return rt.NewString("localhost");
  return rt.NewString(name);
}

// The home directory of `uid` from /etc/passwd (name:pw:uid:gid:gecos:dir:shell), or "/".
// Read directly: getpwuid needs glibc's NSS shared libraries, which a static binary lacks.
std::string PasswdHome(uid_t uid) {
  std::ifstream in("/etc/passwd");
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream parts(line);
    for (std::string f; std::getline(parts, f, ':');) fields.push_back(f);
    if (fields.size() >= 6 && fields[2] == std::to_string(uid)) return fields[5];
  }
  return "/";
}

// libuv's uv_os_homedir: $HOME, else the passwd entry.
TENURE_NATIVE(OsHomedir) {
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return rt.NewString(home);
  return rt.NewString(PasswdHome(getuid()));
}

// node's os.tmpdir: $TMPDIR, $TMP, $TEMP, else /tmp; a trailing slash is dropped.
TENURE_NATIVE(OsTmpdir) {
  std::string dir = "/tmp";
  for (const char* var : {"TMPDIR", "TMP", "TEMP"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0') {
      dir = v;
      break;
    }
  }
  if (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return rt.NewString(dir);
}

TENURE_NATIVE(OsAvailableParallelism) {
  unsigned n = std::thread::hardware_concurrency();
  return Value::FromSmi(n == 0 ? 1 : n);
}

// One cpus() entry per "cpuN" line of /proc/stat: model and MHz from /proc/cpuinfo (in order),
// times in milliseconds (libuv: ticks * 1000 / CLK_TCK).
struct CpuInfo {
  std::string model = "unknown";
  double speed = 0;
  double times[5] = {0, 0, 0, 0, 0};  // user nice sys idle irq
};

std::vector<CpuInfo> ReadCpus() {
  std::vector<CpuInfo> cpus;
  std::ifstream stat("/proc/stat");
  std::string line;
  double ms_per_tick = 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
  while (std::getline(stat, line)) {
    if (line.rfind("cpu", 0) != 0 || line.size() < 4 || line[3] < '0' || line[3] > '9') continue;
    std::istringstream fields(line.substr(line.find(' ')));
    double user = 0, nice = 0, sys = 0, idle = 0, iowait = 0, irq = 0;
    fields >> user >> nice >> sys >> idle >> iowait >> irq;
    CpuInfo cpu;
    double ticks[5] = {user, nice, sys, idle, irq};
    for (int i = 0; i < 5; ++i) cpu.times[i] = ticks[i] * ms_per_tick;
    cpus.push_back(cpu);
  }
  std::ifstream info("/proc/cpuinfo");
  size_t model_i = 0;
  while (std::getline(info, line)) {
    size_t colon = line.find(':');
    if (colon == std::string::npos || colon + 2 > line.size()) continue;
    std::string value = line.substr(colon + 2);
    if (line.rfind("model name", 0) == 0 && model_i < cpus.size()) cpus[model_i++].model = value;
  }
  // libuv reads the speed from cpufreq only (0 where the VM has none), not /proc/cpuinfo.
  for (size_t i = 0; i < cpus.size(); ++i) {
    std::ifstream freq("/sys/devices/system/cpu/cpu" + std::to_string(i) + "/cpufreq/scaling_cur_freq");
    double khz = 0;
    if (freq >> khz) cpus[i].speed = std::floor(khz / 1000);
  }
  return cpus;
}

Value NewCpuObject(Runtime& rt, const CpuInfo& cpu) {
  tenure::HandleScope scope(rt.heap());
  Handle entry = Handle::New(rt.heap(), rt.NewPlainObject());
  SetDataProperty(rt, entry, "model", rt.NewString(cpu.model));
  SetDataProperty(rt, entry, "speed", rt.NewNumber(cpu.speed));
  Handle times = Handle::New(rt.heap(), rt.NewPlainObject());
  const char* names[5] = {"user", "nice", "sys", "idle", "irq"};
  for (int i = 0; i < 5; ++i) SetDataProperty(rt, times, names[i], rt.NewNumber(cpu.times[i]));
  SetDataProperty(rt, entry, "times", times.value());
  return entry.value();
}

TENURE_NATIVE(OsCpus) {
  std::vector<CpuInfo> cpus = ReadCpus();
  tenure::HandleScope scope(rt.heap());
  Handle out = Handle::New(rt.heap(), rt.NewArray(static_cast<int64_t>(cpus.size())));
  for (const CpuInfo& cpu : cpus) {
    Handle entry = Handle::New(rt.heap(), NewCpuObject(rt, cpu));
    rt.ArrayPush(out, entry);
  }
  return out.value();
}

}  // namespace

Value NewOsModule(Runtime& rt) {
  tenure::HandleScope scope(rt.heap());
  Handle os = Handle::New(rt.heap(), rt.NewPlainObject());
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  const Entry natives[] = {
      {"arch", OsArch}, {"availableParallelism", OsAvailableParallelism}, {"cpus", OsCpus},
      {"endianness", OsEndianness}, {"freemem", OsFreemem}, {"homedir", OsHomedir},
      {"hostname", OsHostname}, {"loadavg", OsLoadavg}, {"platform", OsPlatform},
      {"release", OsRelease}, {"tmpdir", OsTmpdir}, {"totalmem", OsTotalmem}, {"type", OsType},
      {"uptime", OsUptime}};
  for (const Entry& e : natives) {
    Handle fn = Handle::New(rt.heap(), rt.NewNativeFunction(e.name, e.fn, 0));
    SetDataProperty(rt, os, e.name, fn.value());
  }
  SetDataProperty(rt, os, "EOL", rt.NewString("\n"));
  SetDataProperty(rt, os, "devNull", rt.NewString("/dev/null"));
  return os.value();
}

}  // namespace tenure::js
