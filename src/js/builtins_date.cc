// Date: the constructor, Date.UTC/parse/now, the prototype's getters, setters and string forms.
//
// A Date is a full-layout plain object (NewObjectWithInternals) whose internal[0] is its time
// value (a Number: ms since the epoch, UTC, or NaN for an invalid date) and internal[2] the brand
// kRootDatePrototype, like RegExp objects (so IsDate cannot be spoofed by prototype tricks).
// Time arithmetic is ECMA-262 §21.4.1 (Day, YearFromTime, MakeDay, MakeDate, TimeClip) in doubles.
// Local time follows the TZ environment variable through the C library (tzset/localtime_r),
// which reads the same tz database node's ICU uses: the offset of a UTC instant is tm_gmtoff;
// a local wall-clock time is mapped to UTC with the offset in force at that instant (ECMA-262
// LocalTime / UTC(t) with the "earlier of two" choice in a fold left to the C library).
// toString's zone name in parentheses is ICU's long name in node; here it comes from a table of
// common abbreviations (see ZoneLongName), else the C library's abbreviation.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>

#include "builtins.h"
#include "builtins_date.h"

namespace tenure::js {

namespace {

constexpr double kMsPerDay = 86400000.0;
constexpr double kMaxTime = 8.64e15;
constexpr const char* kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// ---- ECMA-262 §21.4.1 time arithmetic ----------------------------------------------------------
double Day(double t) { return std::floor(t / kMsPerDay); }
double TimeWithinDay(double t) {
  double r = std::fmod(t, kMsPerDay);
  return r < 0 ? r + kMsPerDay : r;
}
double DaysInYear(double y) {
  if (std::fmod(y, 4) != 0) return 365;
  if (std::fmod(y, 100) != 0) return 366;
  if (std::fmod(y, 400) != 0) return 365;
  return 366;
}
double DayFromYear(double y) {
  return 365 * (y - 1970) + std::floor((y - 1969) / 4) - std::floor((y - 1901) / 100) + std::floor((y - 1601) / 400);
}
double TimeFromYear(double y) { return kMsPerDay * DayFromYear(y); }
double YearFromTime(double t) {
  double y = std::floor(t / (kMsPerDay * 365.2425)) + 1970;
  while (TimeFromYear(y) > t) --y;
  while (TimeFromYear(y + 1) <= t) ++y;
  return y;
}
bool InLeapYear(double t) { return DaysInYear(YearFromTime(t)) == 366; }
int DayWithinYear(double t) { return static_cast<int>(Day(t) - DayFromYear(YearFromTime(t))); }
// Cumulative days before each month (non-leap), §21.4.1.8.
constexpr int kMonthStart[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
int MonthStart(int m, bool leap) { return kMonthStart[m] + (leap && m >= 2 ? 1 : 0); }
int MonthFromTime(double t) {
  int d = DayWithinYear(t);
  bool leap = InLeapYear(t);
  int m = 0;
  while (m < 11 && d >= MonthStart(m + 1, leap)) ++m;
  return m;
}
int DateFromTime(double t) { return DayWithinYear(t) - MonthStart(MonthFromTime(t), InLeapYear(t)) + 1; }
int WeekDay(double t) {
  double r = std::fmod(Day(t) + 4, 7);
  return static_cast<int>(r < 0 ? r + 7 : r);
}
int HourFromTime(double t) { return static_cast<int>(TimeWithinDay(t) / 3600000.0); }
int MinFromTime(double t) { return static_cast<int>(std::fmod(TimeWithinDay(t) / 60000.0, 60)); }
int SecFromTime(double t) { return static_cast<int>(std::fmod(TimeWithinDay(t) / 1000.0, 60)); }
int MsFromTime(double t) { return static_cast<int>(std::fmod(TimeWithinDay(t), 1000)); }

double ToIntegerOrInfinity(double d) { return std::isnan(d) ? 0 : std::trunc(d); }

double MakeTime(double h, double m, double s, double ms) {
  if (!std::isfinite(h) || !std::isfinite(m) || !std::isfinite(s) || !std::isfinite(ms)) return NAN;
  return ToIntegerOrInfinity(h) * 3600000.0 + ToIntegerOrInfinity(m) * 60000.0 +
         ToIntegerOrInfinity(s) * 1000.0 + ToIntegerOrInfinity(ms);
}

double MakeDay(double year, double month, double date) {
  if (!std::isfinite(year) || !std::isfinite(month) || !std::isfinite(date)) return NAN;
  double y = ToIntegerOrInfinity(year), m = ToIntegerOrInfinity(month), dt = ToIntegerOrInfinity(date);
  double ym = y + std::floor(m / 12);
  if (std::fabs(ym) > 400000) return NAN;
  int mn = static_cast<int>(std::fmod(m, 12));
  if (mn < 0) mn += 12;
  double day = DayFromYear(ym) + MonthStart(mn, DaysInYear(ym) == 366);
  return day + dt - 1;
}

double MakeDate(double day, double time) {
  if (!std::isfinite(day) || !std::isfinite(time)) return NAN;
  double tv = day * kMsPerDay + time;
  return std::isfinite(tv) ? tv : NAN;
}

double TimeClip(double t) {
  if (!std::isfinite(t) || std::fabs(t) > kMaxTime) return NAN;
  return ToIntegerOrInfinity(t) + 0.0;  // +0.0 turns -0 into +0
}

// ---- Local time (TZ) ---------------------------------------------------------------------------
struct ZoneInfo {
  double offset_ms = 0;  // local - UTC
  std::string abbreviation;
};

ZoneInfo ZoneAt(double utc_ms) {
  static bool initialized = (tzset(), true);
  (void)initialized;
  ZoneInfo info;
  time_t seconds = static_cast<time_t>(std::floor(utc_ms / 1000.0));
  struct tm tm_local;
  if (localtime_r(&seconds, &tm_local) == nullptr) return info;
  info.offset_ms = static_cast<double>(tm_local.tm_gmtoff) * 1000.0;
  if (tm_local.tm_zone != nullptr) info.abbreviation = tm_local.tm_zone;
  return info;
}

double LocalTime(double t) { return t + ZoneAt(t).offset_ms; }

// UTC(t) for a local wall-clock time: the offset in force at the corresponding instant.
double UtcFromLocal(double local) {
  if (!std::isfinite(local)) return NAN;
  double guess = local - ZoneAt(local).offset_ms;
  return local - ZoneAt(guess).offset_ms;
}

// node prints ICU's long zone names; these are the usual tz abbreviations' names (CLDR metaZones).
std::string ZoneLongName(const std::string& abbreviation, double offset_ms) {
  static const struct { const char* abbr; const char* name; } kNames[] = {
      {"UTC", "Coordinated Universal Time"}, {"GMT", "Greenwich Mean Time"},
      {"EST", "Eastern Standard Time"}, {"EDT", "Eastern Daylight Time"},
      {"CST", "Central Standard Time"}, {"CDT", "Central Daylight Time"},
      {"MST", "Mountain Standard Time"}, {"MDT", "Mountain Daylight Time"},
      {"PST", "Pacific Standard Time"}, {"PDT", "Pacific Daylight Time"},
      {"BST", "British Summer Time"}, {"CET", "Central European Standard Time"},
      {"CEST", "Central European Summer Time"}, {"EET", "Eastern European Standard Time"},
      {"EEST", "Eastern European Summer Time"}, {"JST", "Japan Standard Time"},
      {"IST", "India Standard Time"}, {"AEST", "Australian Eastern Standard Time"},
      {"AEDT", "Australian Eastern Daylight Time"}};
  if (abbreviation == "GMT" && offset_ms == 0) return "Greenwich Mean Time";
  for (const auto& entry : kNames) {
    if (abbreviation == entry.abbr) return entry.name;
  }
  return abbreviation;
}

// ---- Formatting --------------------------------------------------------------------------------
std::string Pad(int value, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, value);
  return buf;
}

std::string YearText(double year) {
  int y = static_cast<int>(year);
  if (y >= 0) return Pad(y, 4);
  return "-" + Pad(-y, 4);
}

std::string DatePart(double t) {
  return std::string(kDayNames[WeekDay(t)]) + " " + kMonthNames[MonthFromTime(t)] + " " +
         Pad(DateFromTime(t), 2) + " " + YearText(YearFromTime(t));
}

std::string TimePart(double t) {
  return Pad(HourFromTime(t), 2) + ":" + Pad(MinFromTime(t), 2) + ":" + Pad(SecFromTime(t), 2);
}

std::string ZonePart(double utc) {
  ZoneInfo zone = ZoneAt(utc);
  int minutes = static_cast<int>(zone.offset_ms / 60000.0);
  char sign = minutes < 0 ? '-' : '+';
  if (minutes < 0) minutes = -minutes;
  return std::string("GMT") + sign + Pad(minutes / 60, 2) + Pad(minutes % 60, 2) + " (" +
         ZoneLongName(zone.abbreviation, zone.offset_ms) + ")";
}

// ---- Parsing -----------------------------------------------------------------------------------
// The ISO 8601 subset of ECMA-262 §21.4.1.32: YYYY[-MM[-DD]][THH:mm[:ss[.sss]]][Z|±HH:mm], with
// ±YYYYYY extended years. Date-only forms are UTC, date-times without an offset local time.
class IsoParser {
 public:
  explicit IsoParser(std::string_view s) : s_(s) {}
  bool Parse(double* out) {
    double year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0;
    if (At('+') || At('-')) {
      bool negative = s_[pos_++] == '-';
      if (!Digits(6, &year)) return false;
      if (negative && year == 0) return false;  // -000000 is not allowed
      if (negative) year = -year;
    } else if (!Digits(4, &year)) {
      return false;
    }
    if (Eat('-')) {
      if (!Digits(2, &month) || month < 1 || month > 12) return false;
      if (Eat('-') && (!Digits(2, &day) || day < 1 || day > 31)) return false;
    }
    bool has_time = false, has_offset = false;
    double offset_ms = 0;
    if (Eat('T') || Eat('t') || (At(' ') && pos_ + 1 < s_.size() && ++pos_)) {
      has_time = true;
      if (!Digits(2, &hour) || !Eat(':') || !Digits(2, &minute)) return false;
      if (Eat(':')) {
        if (!Digits(2, &second)) return false;
        if (Eat('.') || Eat(',')) {
          int n = 0;
          double frac = 0, scale = 100;
          while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
            if (n++ < 3) frac += (s_[pos_] - '0') * scale, scale /= 10;
            ++pos_;
          }
          if (n == 0) return false;
          ms = frac;
        }
      }
      if (hour > 24 || minute > 59 || second > 59 || (hour == 24 && (minute > 0 || second > 0 || ms > 0))) return false;
    }
    if (Eat('Z') || Eat('z')) {
      has_offset = true;
    } else if (has_time && (At('+') || At('-'))) {
      double sign = s_[pos_++] == '-' ? -1 : 1, oh = 0, om = 0;
      if (!Digits(2, &oh)) return false;
      Eat(':');
      if (!Digits(2, &om) || oh > 23 || om > 59) return false;
      offset_ms = sign * (oh * 3600000.0 + om * 60000.0);
      has_offset = true;
    }
    if (pos_ != s_.size()) return false;  // (V8 lets day 31 overflow into the next month)
    double t = MakeDate(MakeDay(year, month - 1, day), MakeTime(hour, minute, second, ms));
    if (has_offset) t -= offset_ms;
    else if (has_time) t = UtcFromLocal(t);
    *out = TimeClip(t);
    return true;
  }

 private:
  bool At(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  bool Eat(char c) {
    if (!At(c)) return false;
    ++pos_;
    return true;
  }
  bool Digits(int n, double* out) {
    double v = 0;
    for (int i = 0; i < n; ++i) {
      if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) return false;
      v = v * 10 + (s_[pos_++] - '0');
    }
    *out = v;
    return true;
  }
  std::string_view s_;
  size_t pos_ = 0;
};

// The other forms node accepts (V8's legacy parser, simplified): words (month and weekday
// names, AM/PM, GMT/UTC/Z), numbers, h:mm[:ss[.ms]] times, ±hhmm offsets, m/d/y dates and
// parenthesized comments, e.g. "Thu Nov 26 2026 04:00:00 GMT+0000 (Coordinated Universal
// Time)", "Thu, 26 Nov 2026 04:00:00 GMT", "November 26, 2026 10:30", "11/26/2026".
bool ParseLegacy(std::string_view s, double* out) {
  double numbers[3];
  int count = 0, month = -1;
  double hour = -1, minute = 0, second = 0, ms = 0, offset_min = 0;
  bool has_offset = false, pm = false, am = false;
  size_t i = 0;
  auto digits = [&](double* v) {
    size_t start = i;
    *v = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) *v = *v * 10 + (s[i++] - '0');
    return i - start;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == '(') {
      int depth = 0;
      for (; i < s.size(); ++i) {
        if (s[i] == '(') ++depth;
        if (s[i] == ')' && --depth == 0) { ++i; break; }
      }
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t start = i;
      while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
      std::string word(s.substr(start, i - start));
      for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (word == "am") am = true;
      else if (word == "pm") pm = true;
      else if (word == "gmt" || word == "utc" || word == "ut" || word == "z") has_offset = true;
      else if (word == "t" && hour < 0) continue;
      else {
        bool known = false;
        for (int m = 0; m < 12 && word.size() >= 3; ++m) {
          std::string name = kMonthNames[m];
          for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          if (word.compare(0, 3, name) == 0) { month = m; known = true; }
        }
        for (int d = 0; d < 7 && !known && word.size() >= 3; ++d) {
          std::string name = kDayNames[d];
          for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          if (word.compare(0, 3, name) == 0) known = true;
        }
        if (!known) return false;
      }
    } else if ((c == '+' || c == '-') && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
               (hour >= 0 || has_offset)) {
      double sign = c == '-' ? -1 : 1, v = 0;
      ++i;
      size_t n = digits(&v);
      if (i < s.size() && s[i] == ':') {  // +hh:mm
        double mm = 0;
        ++i;
        digits(&mm);
        v = v * 100 + mm;
      } else if (n <= 2) {
        v *= 100;
      }
      offset_min = sign * (std::floor(v / 100) * 60 + std::fmod(v, 100));
      has_offset = true;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      double v = 0;
      size_t n = digits(&v);
      if (i < s.size() && s[i] == ':' && hour < 0) {
        hour = v;
        ++i;
        if (digits(&minute) == 0) return false;
        if (i < s.size() && s[i] == ':') {
          ++i;
          if (digits(&second) == 0) return false;
          if (i < s.size() && s[i] == '.') {
            ++i;
            double frac = 0;
            size_t fn = digits(&frac);
            ms = fn == 0 ? 0 : std::floor(frac / std::pow(10, static_cast<double>(fn) - 3));
          }
        }
      } else if (i < s.size() && (s[i] == '/' || s[i] == '-') && count == 0 && n <= 2) {
        // m/d/y (or m-d-y)
        char sep = s[i];
        double d = 0, y = 0;
        ++i;
        if (digits(&d) == 0) return false;
        numbers[count++] = d;
        month = static_cast<int>(v) - 1;
        if (i < s.size() && s[i] == sep) {
          ++i;
          size_t yn = digits(&y);
          if (yn == 0) return false;
          if (yn <= 2) y += y < 50 ? 2000 : 1900;
          numbers[count++] = y;
        }
      } else if (i < s.size() && s[i] == '/' && count == 0 && n >= 3) {
        // y/m/d
        double m = 0, d = 1;
        ++i;
        if (digits(&m) == 0) return false;
        if (i < s.size() && s[i] == '/') { ++i; digits(&d); }
        month = static_cast<int>(m) - 1;
        numbers[count++] = d;
        numbers[count++] = v;
      } else {
        if (count >= 3) return false;
        numbers[count++] = n >= 3 || v > 31 ? -v - 1 : v;  // negative marks "this is a year"
      }
    } else if (c == ',' || c == ' ' || c == '.' || c == '\t' || c == '-' || c == '/') {
      ++i;
    } else {
      return false;
    }
  }
  // Assign day and year from the loose numbers: a marked number is the year.
  double day = -1, year = -1;
  for (int k = 0; k < count; ++k) {
    double v = numbers[k];
    if (v < 0) year = -v - 1;
    else if (day < 0) day = v;
    else if (year < 0) year = v < 50 ? 2000 + v : v < 100 ? 1900 + v : v;
    else return false;
  }
  if (month < 0 || year < 0) return false;
  if (day < 0) day = 1;
  if (hour < 0) hour = 0;
  if (pm && hour < 12) hour += 12;
  if (am && hour == 12) hour = 0;
  if (day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59) return false;
  double t = MakeDate(MakeDay(year, month, day), MakeTime(hour, minute, second, ms));
  t = has_offset ? t - offset_min * 60000.0 : UtcFromLocal(t);
  *out = TimeClip(t);
  return true;
}

double ParseDate(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  double t = NAN;
  if (IsoParser(s).Parse(&t)) return t;
  if (ParseLegacy(s, &t)) return t;
  return NAN;
}

// ---- Objects -------------------------------------------------------------------------------------
double TimeValue(Value date) { return NumberValue(date.As<JSObject>()->internal[0]); }

void SetTimeValue(Runtime& rt, Handle date, double t) {
  Value v = rt.NewNumber(t);
  JSObject* o = date.value().As<JSObject>();
  tenure::Store(o, &o->internal[0], v);
}

double NowMs() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return std::floor(static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6);
}

// thisTimeValue (§21.4.4): the receiver's time value, or node's TypeError.
bool ThisTime(Runtime& rt, Handle self, double* out) {
  if (!IsDate(rt, self.value())) {
    rt.ThrowTypeError("this is not a Date object.");
    return false;
  }
  *out = TimeValue(self.value());
  return true;
}

Value NewDateObject(Runtime& rt, Handle proto, double t) {
  tenure::HandleScope scope(rt.heap());
  Handle date = Handle::New(rt.heap(), rt.NewObjectWithInternals(proto));
  Value tv = rt.NewNumber(TimeClip(t));
  JSObject* o = date.value().As<JSObject>();
  tenure::Store(o, &o->internal[0], tv);
  tenure::Store(o, &o->internal[2], rt.root(kRootDatePrototype));
  return date.value();
}

// The time value from constructor-style components (y, m[, d, h, min, s, ms]), local or UTC.
bool TimeFromComponents(Runtime& rt, Args args, bool utc, double* out) {
  double parts[7] = {NAN, 0, 1, 0, 0, 0, 0};
  int n = args.count < 7 ? args.count : 7;
  for (int i = 0; i < n; ++i) {
    if (!rt.ToNumber(args.at(i), &parts[i])) return false;
  }
  double year = parts[0];
  if (!std::isnan(year)) {
    double y = ToIntegerOrInfinity(year);
    if (y >= 0 && y <= 99) year = 1900 + y;
  }
  double t = MakeDate(MakeDay(year, parts[1], parts[2]), MakeTime(parts[3], parts[4], parts[5], parts[6]));
  *out = TimeClip(utc ? t : UtcFromLocal(t));
  return true;
}

TENURE_NATIVE(DateConstructor) {
  if (rt.current_new_target() == kUndefined) {  // Date() called as a function: a string of now
    return rt.NewString(DateToString(NowMs()));
  }
  tenure::HandleScope scope(rt.heap());
  Handle proto = Handle::New(rt.heap(), rt.root(kRootDatePrototype));
  {
    Handle target = Handle::New(rt.heap(), rt.current_new_target());
    Handle key = Handle::New(rt.heap(), rt.root(kRootPrototypeKey));
    Value p = rt.GetNamed(target, key);
    if (p.IsEmpty()) return Value();
    if (IsJSObject(p)) proto.Set(p);
  }
  double t = 0;
  if (args.count == 0) {
    t = NowMs();
  } else if (args.count == 1) {
    Value v = args.get(0);
    if (IsDate(rt, v)) {
      t = TimeValue(v);
    } else {
      Handle prim = Handle::New(rt.heap(), rt.ToPrimitive(args.at(0), Runtime::PrimitiveHint::kDefault));
      if (prim.value().IsEmpty()) return Value();
      if (IsString(prim.value())) {
        t = ParseDate(rt.ToStdString(prim.value()));
      } else if (!rt.ToNumber(prim, &t)) {
        return Value();
      }
    }
  } else if (!TimeFromComponents(rt, args, false, &t)) {
    return Value();
  }
  return NewDateObject(rt, proto, t);
}

TENURE_NATIVE(DateNowNative) { return rt.NewNumber(NowMs()); }

TENURE_NATIVE(DateUTC) {
  double t = 0;
  if (!TimeFromComponents(rt, args, true, &t)) return Value();
  return rt.NewNumber(t);
}

TENURE_NATIVE(DateParse) {
  Value s = ArgString(rt, args, 0);
  if (s.IsEmpty()) return Value();
  return rt.NewNumber(ParseDate(rt.ToStdString(s)));
}

// Getters: one native per field, local or UTC (§21.4.4.2-21).
enum class Field { kYear, kMonth, kDate, kDay, kHours, kMinutes, kSeconds, kMs };

int FieldOf(double t, Field f) {
  switch (f) {
    case Field::kYear: return static_cast<int>(YearFromTime(t));
    case Field::kMonth: return MonthFromTime(t);
    case Field::kDate: return DateFromTime(t);
    case Field::kDay: return WeekDay(t);
    case Field::kHours: return HourFromTime(t);
    case Field::kMinutes: return MinFromTime(t);
    case Field::kSeconds: return SecFromTime(t);
    case Field::kMs: return MsFromTime(t);
  }
  return 0;
}

template <Field kField, bool kUtc>
Value DateGetter(Runtime& rt, Handle self, Args) {
  double t = 0;
  if (!ThisTime(rt, self, &t)) return Value();
  if (std::isnan(t)) return rt.NewNumber(NAN);
  return Value::FromSmi(FieldOf(kUtc ? t : LocalTime(t), kField));
}

TENURE_NATIVE(DateGetTime) {
  double t = 0;
  if (!ThisTime(rt, self, &t)) return Value();
  return rt.NewNumber(t);
}

TENURE_NATIVE(DateGetTimezoneOffset) {
  double t = 0;
  if (!ThisTime(rt, self, &t)) return Value();
  if (std::isnan(t)) return rt.NewNumber(NAN);
  return rt.NewNumber((t - LocalTime(t)) / 60000.0);
}

TENURE_NATIVE(DateSetTime) {
  double t = 0, v = 0;
  if (!ThisTime(rt, self, &t) || !ArgNumber(rt, args, 0, &v)) return Value();
  v = TimeClip(v);
  SetTimeValue(rt, self, v);
  return rt.NewNumber(v);
}

// Setters (§21.4.4.20-29): `first` is the first field the setter takes; later arguments fill
// the following fields (setHours(h, m, s, ms)); missing ones keep the current value.
template <Field kFirst, int kMaxArgs, bool kUtc>
Value DateSetter(Runtime& rt, Handle self, Args args) {
  double t = 0;
  if (!ThisTime(rt, self, &t)) return Value();
  double values[4];
  int n = args.count < kMaxArgs ? args.count : kMaxArgs;
  if (n == 0) n = 1;
  for (int i = 0; i < n; ++i) {
    if (!rt.ToNumber(args.at(i), &values[i])) return Value();
  }
  if (std::isnan(t)) {
    if (kFirst != Field::kYear) return rt.NewNumber(NAN);
    t = 0;  // setFullYear on an invalid date starts from +0 (§21.4.4.21)
  } else if (!kUtc) {
    t = LocalTime(t);
  }
  double year = YearFromTime(t), month = MonthFromTime(t), date = DateFromTime(t);
  double h = HourFromTime(t), m = MinFromTime(t), s = SecFromTime(t), ms = MsFromTime(t);
  double* order[7] = {&year, &month, &date, &h, &m, &s, &ms};
  int start = kFirst == Field::kYear ? 0 : kFirst == Field::kMonth ? 1 : kFirst == Field::kDate ? 2
            : kFirst == Field::kHours ? 3 : kFirst == Field::kMinutes ? 4 : kFirst == Field::kSeconds ? 5 : 6;
  for (int i = 0; i < n; ++i) *order[start + i] = values[i];
  double result = MakeDate(MakeDay(year, month, date), MakeTime(h, m, s, ms));
  result = TimeClip(kUtc ? result : UtcFromLocal(result));
  SetTimeValue(rt, self, result);
  return rt.NewNumber(result);
}

enum class Form { kString, kDateString, kTimeString, kUtcString, kIsoString, kLocaleString, kLocaleDate, kLocaleTime };

std::string LocaleDate(double local) {
  return std::to_string(MonthFromTime(local) + 1) + "/" + std::to_string(DateFromTime(local)) + "/" +
         std::to_string(static_cast<int>(YearFromTime(local)));
}

std::string LocaleTime(double local) {
  int h = HourFromTime(local);
  int h12 = h % 12 == 0 ? 12 : h % 12;
  return std::to_string(h12) + ":" + Pad(MinFromTime(local), 2) + ":" + Pad(SecFromTime(local), 2) +
         (h < 12 ? " AM" : " PM");
}

template <Form kForm>
Value DateFormat(Runtime& rt, Handle self, Args) {
  double t = 0;
  if (kForm == Form::kIsoString && !IsDate(rt, self.value())) {  // V8's text for this one method
    std::string shown = IsJSObject(self.value()) ? "#<Object>" : rt.DisplayString(self);
    return rt.ThrowTypeError("Method Date.prototype.toISOString called on incompatible receiver " + shown);
  }
  if (!ThisTime(rt, self, &t)) return Value();
  if (std::isnan(t)) {
    if (kForm == Form::kIsoString) return rt.ThrowError(ErrorType::kRangeError, "Invalid time value");
    return rt.NewString("Invalid Date");
  }
  double local = LocalTime(t);
  switch (kForm) {
    case Form::kString: return rt.NewString(DateToString(t));
    case Form::kDateString: return rt.NewString(DatePart(local));
    case Form::kTimeString: return rt.NewString(TimePart(local) + " " + ZonePart(t));
    case Form::kUtcString:
      return rt.NewString(std::string(kDayNames[WeekDay(t)]) + ", " + Pad(DateFromTime(t), 2) + " " +
                          kMonthNames[MonthFromTime(t)] + " " + YearText(YearFromTime(t)) + " " + TimePart(t) + " GMT");
    case Form::kIsoString: return rt.NewString(DateToIsoString(t));
    case Form::kLocaleString: return rt.NewString(LocaleDate(local) + ", " + LocaleTime(local));
    case Form::kLocaleDate: return rt.NewString(LocaleDate(local));
    case Form::kLocaleTime: return rt.NewString(LocaleTime(local));
  }
  return kUndefined;
}

// Date.prototype[@@toPrimitive](hint) (§21.4.4.45): "string" and "default" try toString first,
// "number" valueOf first; any other hint is a TypeError. Works on any object receiver.
TENURE_NATIVE(DateToPrimitive) {
  if (!IsJSObject(self.value())) {
    tenure::HandleScope scope(rt.heap());
    Handle text = Handle::New(rt.heap(), rt.ToString(self));
    if (text.value().IsEmpty()) return Value();
    return rt.ThrowTypeError("Method Date.prototype [ @@toPrimitive ] called on incompatible receiver " +
                             rt.ToStdString(text.value()));
  }
  Value hint = args.get(0);
  std::string name = IsString(hint) ? rt.ToStdString(hint) : "";
  if (name == "string" || name == "default") return rt.OrdinaryToPrimitive(self, /*hint_string=*/true);
  if (name == "number") return rt.OrdinaryToPrimitive(self, /*hint_string=*/false);
  tenure::HandleScope scope(rt.heap());
  Handle text = Handle::New(rt.heap(), IsKind(hint, Kind::kSymbol) ? kUndefined : rt.ToString(args.at(0)));
  if (text.value().IsEmpty()) return Value();
  return rt.ThrowTypeError("Invalid hint: " + (IsString(text.value()) ? rt.ToStdString(text.value()) : "Symbol()"));
}

// toJSON (§21.4.4.37): null for a non-finite time value, else this.toISOString().
TENURE_NATIVE(DateToJSON) {
  tenure::HandleScope scope(rt.heap());
  Handle prim = Handle::New(rt.heap(), rt.ToPrimitive(self, false));
  if (prim.value().IsEmpty()) return Value();
  if (IsNumber(prim.value()) && !std::isfinite(NumberValue(prim.value()))) return kNull;
  Handle key = Handle::New(rt.heap(), rt.Intern("toISOString"));
  Handle fn = Handle::New(rt.heap(), rt.GetProperty(self, key));
  if (fn.value().IsEmpty()) return Value();
  if (!rt.IsCallable(fn.value())) return rt.ThrowTypeError("toISOString is not a function");
  return rt.Call(fn, self, nullptr, 0);
}

}  // namespace

bool IsDate(Runtime& rt, Value v) {
  if (!IsKind(v, Kind::kObject) || !HasInternalFields(v.As<JSObject>())) return false;
  return v.As<JSObject>()->internal[2] == rt.root(kRootDatePrototype);
}

std::string DateToString(double t) {
  if (std::isnan(t)) return "Invalid Date";
  double local = LocalTime(t);
  return DatePart(local) + " " + TimePart(local) + " " + ZonePart(t);
}

std::string DateToIsoString(double t) {
  double y = YearFromTime(t);
  std::string year = y >= 0 && y <= 9999 ? Pad(static_cast<int>(y), 4)
                                         : std::string(y < 0 ? "-" : "+") + Pad(static_cast<int>(std::fabs(y)), 6);
  return year + "-" + Pad(MonthFromTime(t) + 1, 2) + "-" + Pad(DateFromTime(t), 2) + "T" + TimePart(t) + "." +
         Pad(MsFromTime(t), 3) + "Z";
}

void InstallDateToPrimitive(Runtime& rt) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle proto = Handle::New(heap, rt.root(kRootDatePrototype));
  Handle key = Handle::New(heap, rt.root(kRootToPrimitiveSymbol));
  Handle fn = Handle::New(heap, rt.NewNativeFunction("[Symbol.toPrimitive]", DateToPrimitive, 1));
  rt.DefineOwn(proto, key, fn, kShapeHidden | kShapeReadOnly);
}

void InstallDateBuiltins(Runtime& rt, Handle global) {
  tenure::Heap& heap = rt.heap();
  tenure::HandleScope scope(heap);
  Handle object_proto = Handle::New(heap, rt.root(kRootObjectPrototype));
  rt.set_root(kRootDatePrototype, rt.NewObject(object_proto));
  Handle proto = Handle::New(heap, rt.root(kRootDatePrototype));
  Handle ctor = Handle::New(heap, InstallConstructor(rt, global, "Date", DateConstructor, 7, proto));
  rt.DefineNative(ctor, "now", DateNowNative, 0);
  rt.DefineNative(ctor, "UTC", DateUTC, 7);
  rt.DefineNative(ctor, "parse", DateParse, 1);
  struct { const char* name; NativeFn fn; int length; } methods[] = {
      {"getTime", DateGetTime, 0}, {"valueOf", DateGetTime, 0},
      {"getTimezoneOffset", DateGetTimezoneOffset, 0}, {"setTime", DateSetTime, 1},
      {"getFullYear", DateGetter<Field::kYear, false>, 0}, {"getUTCFullYear", DateGetter<Field::kYear, true>, 0},
      {"getMonth", DateGetter<Field::kMonth, false>, 0}, {"getUTCMonth", DateGetter<Field::kMonth, true>, 0},
      {"getDate", DateGetter<Field::kDate, false>, 0}, {"getUTCDate", DateGetter<Field::kDate, true>, 0},
      {"getDay", DateGetter<Field::kDay, false>, 0}, {"getUTCDay", DateGetter<Field::kDay, true>, 0},
      {"getHours", DateGetter<Field::kHours, false>, 0}, {"getUTCHours", DateGetter<Field::kHours, true>, 0},
      {"getMinutes", DateGetter<Field::kMinutes, false>, 0}, {"getUTCMinutes", DateGetter<Field::kMinutes, true>, 0},
      {"getSeconds", DateGetter<Field::kSeconds, false>, 0}, {"getUTCSeconds", DateGetter<Field::kSeconds, true>, 0},
      {"getMilliseconds", DateGetter<Field::kMs, false>, 0}, {"getUTCMilliseconds", DateGetter<Field::kMs, true>, 0},
      {"setFullYear", DateSetter<Field::kYear, 3, false>, 3}, {"setUTCFullYear", DateSetter<Field::kYear, 3, true>, 3},
      {"setMonth", DateSetter<Field::kMonth, 2, false>, 2}, {"setUTCMonth", DateSetter<Field::kMonth, 2, true>, 2},
      {"setDate", DateSetter<Field::kDate, 1, false>, 1}, {"setUTCDate", DateSetter<Field::kDate, 1, true>, 1},
      {"setHours", DateSetter<Field::kHours, 4, false>, 4}, {"setUTCHours", DateSetter<Field::kHours, 4, true>, 4},
      {"setMinutes", DateSetter<Field::kMinutes, 3, false>, 3}, {"setUTCMinutes", DateSetter<Field::kMinutes, 3, true>, 3},
      {"setSeconds", DateSetter<Field::kSeconds, 2, false>, 2}, {"setUTCSeconds", DateSetter<Field::kSeconds, 2, true>, 2},
      {"setMilliseconds", DateSetter<Field::kMs, 1, false>, 1}, {"setUTCMilliseconds", DateSetter<Field::kMs, 1, true>, 1},
      {"toString", DateFormat<Form::kString>, 0}, {"toDateString", DateFormat<Form::kDateString>, 0},
      {"toTimeString", DateFormat<Form::kTimeString>, 0}, {"toUTCString", DateFormat<Form::kUtcString>, 0},
      {"toGMTString", DateFormat<Form::kUtcString>, 0}, {"toISOString", DateFormat<Form::kIsoString>, 0},
      {"toLocaleString", DateFormat<Form::kLocaleString>, 0}, {"toLocaleDateString", DateFormat<Form::kLocaleDate>, 0},
      {"toLocaleTimeString", DateFormat<Form::kLocaleTime>, 0}, {"toJSON", DateToJSON, 1},
  };
  for (const auto& m : methods) rt.DefineNative(proto, m.name, m.fn, m.length);
}

std::string InspectDate(Runtime& rt, Value date) {
  double t = TimeValue(date);
  return std::isnan(t) ? "Invalid Date" : DateToIsoString(t);
}

}  // namespace tenure::js
